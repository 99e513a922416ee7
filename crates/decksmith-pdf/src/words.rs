//! The fixed words on printed sheets, in English and Russian.
//!
//! Chosen by `course.language`; a course may replace any of them under `strings:` with the
//! same key (`pdf.class: "Group"`), which is also how a course in another language gets them.
//! A [`Phrasebook`](decksmith_quiz::phrases::Phrasebook) of [`WORDS`] looks them up.

/// Every key with its English and Russian text.
pub const WORDS: &[(&str, &str, &str)] = &[
    ("pdf.name", "Name", "Фамилия, имя"),
    ("pdf.date", "Date", "Дата"),
    ("pdf.class", "Class", "Группа"),
    ("pdf.true", "True", "Верно"),
    ("pdf.false", "False", "Неверно"),
    ("pdf.flashcards", "Flashcards", "Карточки"),
    ("pdf.worksheet", "Worksheet", "Рабочий лист"),
    ("pdf.answer-key", "Answer key", "Ключ ответов"),
    ("pdf.form", "Form {form}", "Вариант {form}"),
    ("pdf.page", "Page {n} of {m}", "Страница {n} из {m}"),
    ("pdf.source", "Source: {source}", "Источник: {source}"),
    (
        "pdf.note",
        "Note for the teacher: {note}",
        "Примечание для преподавателя: {note}",
    ),
    ("pdf.sources", "Sources: {sources}", "Источники: {sources}"),
    ("pdf.order", "Order: {order}", "Порядок: {order}"),
    ("pdf.points", "Points", "Баллы"),
    (
        "pdf.points-total",
        "Points in all: {total}",
        "Всего баллов: {total}",
    ),
    ("pdf.grid", "Answers at a glance", "Ответы кратко"),
    (
        "pdf.grid-then",
        "Explanations and sources follow, question by question.",
        "Объяснения и источники — далее, по вопросам.",
    ),
    (
        "pdf.also",
        "also accepted: {values}",
        "также верно: {values}",
    ),
    (
        "pdf.no-cards",
        "This deck has no cards.",
        "В этой колоде нет карточек.",
    ),
    (
        "pdf.no-questions",
        "This quiz has no questions.",
        "В этом тесте нет вопросов.",
    ),
    ("pdf.how.choice", "Tick one box.", "Отметьте один вариант."),
    (
        "pdf.how.true-false",
        "Tick True or False.",
        "Отметьте «Верно» или «Неверно».",
    ),
    ("pdf.how.cloze", "Fill in the blank.", "Заполните пропуск."),
    (
        "pdf.how.cloze-many",
        "Fill in the blanks.",
        "Заполните пропуски.",
    ),
    (
        "pdf.how.matching",
        "Write the letter of the match in each box.",
        "Впишите в каждую клетку букву подходящего ответа.",
    ),
    (
        "pdf.how.timeline",
        "Number the boxes 1, 2, 3, … from the earliest event.",
        "Пронумеруйте клетки 1, 2, 3, … начиная с самого раннего события.",
    ),
    (
        "pdf.calibration.title",
        "Calibration sheet",
        "Лист для калибровки",
    ),
    (
        "pdf.calibration.front",
        "Print this sheet on both sides, with the settings you print the cards with. Hold it up to the light: the two lines of this side show through on the back. Where they cross the scales there, read x (across) and y (up) in millimetres, and add them to back_offset in course.yaml (now x = {x}, y = {y}). When both read 0, the backs line up.",
        "Напечатайте этот лист с двух сторон, с теми же настройками, что и карточки. Посмотрите на просвет: две линии этой стороны видны на обороте. Там, где они пересекают шкалы, прочтите x (по горизонтали) и y (по вертикали) в миллиметрах и прибавьте их к back_offset в course.yaml (сейчас x = {x}, y = {y}). Когда обе шкалы показывают 0, обороты совпадают.",
    ),
    (
        "pdf.calibration.back",
        "Read where the front's lines cross these scales (mm).",
        "Прочтите, где линии лицевой стороны пересекают шкалы (мм).",
    ),
];
