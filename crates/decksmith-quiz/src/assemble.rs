//! Choosing a quiz from candidates, and putting it in order.
//!
//! Choosing: each kind gets a share of the questions by its weight (a kind without
//! candidates gives its share to the others); kinds take turns picking, each preferring
//! entries used least so far; and no pick may give another away (its visible text holding
//! another's answer) or ask about an entry already asked about.
//!
//! Ordering: questions are grouped by kind, in a fixed order of kinds, and ordered within a
//! group by a seeded rank of their ids; each form (the main quiz, variant A, B, …) has its own
//! rank. The correct option's position is balanced across the form; distractors, matching
//! columns and timeline items are shuffled by streams keyed with the question's id.

use std::collections::BTreeSet;

use super::kinds::{Candidate, Offered, padded, reveals, rules_out, show_words};
use crate::HashMap;
use crate::rng::{self, Stream};
use crate::types::{Body, Choice, Question, QuestionKind, Quiz};

/// The order of kinds in a quiz, the way a worksheet has its sections.
pub const KIND_ORDER: [QuestionKind; 7] = [
    QuestionKind::MultipleChoice,
    QuestionKind::Who,
    QuestionKind::TrueFalse,
    QuestionKind::Cloze,
    QuestionKind::Matching,
    QuestionKind::Timeline,
    QuestionKind::Flashcard,
];

/// Shares of `total` by weight (largest remainder), capped by what each kind can give; what
/// a kind cannot take goes to the others in proportion to their weights.
pub fn quotas(total: usize, kinds: &[(QuestionKind, u32, usize)]) -> Vec<usize> {
    let mut quota = vec![0usize; kinds.len()];
    let mut open: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i].1 > 0 && kinds[i].2 > 0)
        .collect();
    let mut left = total;
    while left > 0 && !open.is_empty() {
        let weight: u64 = open.iter().map(|&i| u64::from(kinds[i].1)).sum();
        let mut shares: Vec<(usize, usize, u64)> = open
            .iter()
            .map(|&i| {
                let exact = left as u64 * u64::from(kinds[i].1);
                (i, (exact / weight) as usize, exact % weight)
            })
            .collect();
        let given: usize = shares.iter().map(|s| s.1).sum();
        // Largest remainders first; ties go to the earlier kind.
        let mut order: Vec<usize> = (0..shares.len()).collect();
        order.sort_by_key(|&j| (std::cmp::Reverse(shares[j].2), shares[j].0));
        for &j in order.iter().take(left - given) {
            shares[j].1 += 1;
        }
        let mut spilled = 0;
        for (i, share, _) in shares {
            let room = kinds[i].2 - quota[i];
            let take = share.min(room);
            quota[i] += take;
            spilled += share - take;
        }
        left = spilled;
        open.retain(|&i| quota[i] < kinds[i].2);
    }
    quota
}

/// Whether two questions may not stand in the same quiz: one asks about an entry the other
/// is about (a matching set or timeline counts as about each of its entries; two sets may
/// share entries, since each asks about its own pairing), one shows the other's answer, or
/// the two offer nearly the same options.
fn conflict(a: &Candidate, b: &Candidate) -> bool {
    let single = |c: &Candidate| c.entries.len() == 1;
    if (single(a) || single(b)) && a.entries.iter().any(|e| b.entries.contains(e)) {
        return true;
    }
    alike_options(a, b) || a.gives_away(b) || b.gives_away(a)
}

/// Whether two choice questions, set side by side, answer each other (a hidden matching):
/// each one's answer is a wrong option of the other (threat intelligence offered for
/// incident response, and incident response for threat intelligence); or they offer the same
/// options but one, and that one is the answer of either (`Round Table No. 1` to `No. 4`
/// beside `No. 2` to `No. 5`: the option only one question offers is its answer). Options
/// are compared by what they stand for, so «спутник» in one question and "satellite" in
/// the other are one option.
fn alike_options(a: &Candidate, b: &Candidate) -> bool {
    fn answer(c: &Candidate) -> Option<usize> {
        match &c.body {
            Body::MultipleChoice(choice) | Body::Who(choice) => Some(choice.answer),
            _ => None,
        }
    }
    let (Some(ax), Some(ay)) = (answer(a), answer(b)) else {
        return false;
    };
    let (x, y) = (&a.option_entries, &b.option_entries);
    let (Some(answer_x), Some(answer_y)) = (x.get(ax), y.get(ay)) else {
        return false;
    };
    if answer_x == answer_y {
        // Two questions with one answer are about one thing; `conflict` keeps them apart
        // when they are on one entry.
        return false;
    }
    if x.contains(answer_y) && y.contains(answer_x) {
        return true;
    }
    let only = |x: &[String], y: &[String]| -> Vec<usize> {
        (0..x.len()).filter(|&i| !y.contains(&x[i])).collect()
    };
    let (only_x, only_y) = (only(x, y), only(y, x));
    let shared = x.len() - only_x.len();
    shared >= 2 && (only_x == [ax] || only_y == [ay])
}

/// Leaves out of each chosen question's explanation what would give another chosen question's
/// answer away: the quiz page shows an explanation once its question is checked, while the
/// others are still open. What an explanation says of its own entry is never left out: the
/// selection already kept apart the questions it would give away.
pub fn fit_explanations(chosen: &mut [Candidate]) {
    // A timeline asks for an order, which a sentence dating one of its events (an event's
    // neighbours in another explanation) helps to give.
    let asks: Vec<&[String]> = chosen
        .iter()
        .map(|c| match c.kind() {
            QuestionKind::Timeline => c.shows.as_slice(),
            _ => c.asks.as_slice(),
        })
        .collect();
    // What each question offers as wrong: an added sentence that would rule out even one
    // of them (see `Candidate::rules_out`) is left out too.
    let offered: Vec<Offered<'_>> = chosen.iter().map(Candidate::offered).collect();
    let kept: Vec<Vec<String>> = chosen
        .iter()
        .enumerate()
        .map(|(i, candidate)| {
            let mut more = candidate.explanation.more.clone();
            more.retain(|part| {
                let shown = vec![padded(part)];
                let words = show_words(&shown);
                !asks
                    .iter()
                    .enumerate()
                    .any(|(j, answers)| j != i && answers.iter().any(|a| reveals(&shown[0], a)))
                    && !offered
                        .iter()
                        .enumerate()
                        .any(|(j, other)| j != i && !rules_out(&shown, &words, other).is_empty())
            });
            more
        })
        .collect();
    for (candidate, more) in chosen.iter_mut().zip(kept) {
        candidate.explanation.more = more;
    }
}

/// How a selection weighs its choices.
#[derive(Clone, Debug)]
pub struct Rules {
    /// How many each kind may give at most (`None`: no limit), by the kinds' order.
    pub caps: Vec<Option<usize>>,
    /// Whether to keep true and false statements even (a false statement shows a wrong
    /// value, which can be another question's answer, so balance can cost a question).
    pub balance_truth: bool,
}

/// The questions a quiz asks before it chooses: those the teacher pinned, whatever their
/// kind's share, then the teacher's own (`question:` entries), within their kind's share.
#[derive(Clone, Debug, Default)]
pub struct Asked {
    /// Pinned ids, in the order pinned.
    pub pinned: Vec<String>,
    /// The ids of the teacher's own questions, in the order preferred.
    pub preferred: Vec<String>,
}

/// Picks up to `total` questions from each kind's candidates, with the kind's weight.
pub fn select(
    seed: u64,
    deck: &str,
    total: usize,
    kinds: &[(QuestionKind, u32, Vec<Candidate>)],
    rules: &Rules,
    asked: &Asked,
) -> Vec<Candidate> {
    let mut selection = Selection::new(seed, deck, total, kinds, rules);
    selection.pin(&asked.pinned, total);
    selection.prefer(&asked.preferred);
    selection.take_turns(rules);
    selection.chosen
}

/// What one candidate would rule out of the chosen questions (see
/// [`Candidate::rules_out`]): how many of them it was compared with, and, for each one of
/// which it rules out any wrong option (by its place among the chosen), which.
#[derive(Default)]
struct Overruling {
    compared: usize,
    rules_out: Vec<(usize, Vec<usize>)>,
}

/// A selection under way: each kind's candidates in seeded order, which are still allowed,
/// what each kind may still give, and what was chosen.
struct Selection<'c> {
    /// Each kind's candidates in seeded order (borrowed: candidates are not copied).
    pools: Vec<(QuestionKind, u32, Vec<&'c Candidate>)>,
    /// Candidates still allowed: each pick strikes out everything it conflicts with, once.
    alive: Vec<Vec<bool>>,
    /// How many each kind may give at most, by the kinds' order.
    caps: Vec<Option<usize>>,
    /// How many each kind is still to give.
    quota: Vec<usize>,
    chosen: Vec<Candidate>,
    /// How many chosen questions ask about each entry.
    uses: HashMap<String, usize>,
    /// The wrong options the chosen questions rule out, per question (chosen or still
    /// allowed) by id: see [`Candidate::rules_out`].
    ruled: HashMap<String, BTreeSet<usize>>,
    /// For each candidate (as in `pools`), what it would rule out of the chosen questions.
    overruling: Vec<Vec<Overruling>>,
    trues: usize,
    falses: usize,
    /// Whether the first statement leans true (a seeded coin): left to the other weights,
    /// a true statement, which shows no wrong value, would nearly always come first.
    true_first: bool,
}

impl<'c> Selection<'c> {
    fn new(
        seed: u64,
        deck: &str,
        total: usize,
        kinds: &'c [(QuestionKind, u32, Vec<Candidate>)],
        rules: &Rules,
    ) -> Selection<'c> {
        let pools: Vec<(QuestionKind, u32, Vec<&Candidate>)> = kinds
            .iter()
            .map(|(kind, weight, candidates)| {
                let mut order: Vec<&Candidate> = candidates.iter().collect();
                order.sort_by_cached_key(|c| {
                    (
                        rng::rank(seed, &[deck, "pick", kind.name()], &c.id),
                        c.id.clone(),
                    )
                });
                (*kind, *weight, order)
            })
            .collect();
        let alive = pools.iter().map(|(_, _, c)| vec![true; c.len()]).collect();
        let overruling = pools
            .iter()
            .map(|(_, _, c)| (0..c.len()).map(|_| Overruling::default()).collect())
            .collect();
        let mut selection = Selection {
            pools,
            alive,
            caps: rules.caps.clone(),
            quota: Vec::new(),
            chosen: Vec::new(),
            uses: HashMap::default(),
            ruled: HashMap::default(),
            overruling,
            trues: 0,
            falses: 0,
            true_first: rng::rank(seed, &[deck, "truth"], "first").is_multiple_of(2),
        };
        let shape: Vec<(QuestionKind, u32, usize)> = selection
            .pools
            .iter()
            .enumerate()
            .map(|(k, (kind, w, c))| (*kind, *w, selection.cap(k, c.len())))
            .collect();
        selection.quota = quotas(total, &shape);
        selection
    }

    /// `n`, or kind `k`'s cap if that is lower.
    fn cap(&self, k: usize, n: usize) -> usize {
        self.caps.get(k).copied().flatten().map_or(n, |c| c.min(n))
    }

    /// How many candidates of kind `k` are still allowed.
    fn left(&self, k: usize) -> usize {
        self.alive[k].iter().filter(|a| **a).count()
    }

    /// Chooses candidate `i` of kind `k`, striking out everything it conflicts with, and
    /// everything that would, with the chosen ones, rule out too many wrong options of a
    /// question (the new one's, or one chosen before).
    fn take(&mut self, k: usize, i: usize) {
        let candidate = self.pools[k].2[i].clone();
        self.alive[k][i] = false;
        for (j, (_, _, others)) in self.pools.iter().enumerate() {
            for (o, other) in others.iter().enumerate() {
                if self.alive[j][o] && (other.id == candidate.id || conflict(&candidate, other)) {
                    self.alive[j][o] = false;
                    continue;
                }
                if !self.alive[j][o] {
                    continue;
                }
                let by_new = candidate.rules_out(other);
                if !by_new.is_empty() {
                    let ruled = self.ruled.entry(other.id.clone()).or_default();
                    ruled.extend(by_new);
                    if ruled.len() > other.tolerates() {
                        self.alive[j][o] = false;
                    }
                }
            }
        }
        // What the new question rules out of those chosen before it.
        for chosen in &self.chosen {
            let by_new = candidate.rules_out(chosen);
            if !by_new.is_empty() {
                self.ruled
                    .entry(chosen.id.clone())
                    .or_default()
                    .extend(by_new);
            }
        }
        self.chosen.push(candidate);
        self.strike_overruling();
        let Some(candidate) = self.chosen.pop() else {
            return;
        };
        for e in &candidate.entries {
            *self.uses.entry(e.clone()).or_default() += 1;
        }
        match candidate.truth {
            Some(true) => self.trues += 1,
            Some(false) => self.falses += 1,
            None => {}
        }
        self.chosen.push(candidate);
    }

    /// Strikes out every candidate still allowed that would rule out too many wrong options
    /// of a chosen question, with what the quiz rules out of it already. What a candidate
    /// rules out of a chosen question is worked out once, when that question is chosen.
    fn strike_overruling(&mut self) {
        let empty = BTreeSet::new();
        for (j, (_, _, others)) in self.pools.iter().enumerate() {
            for (o, other) in others.iter().enumerate() {
                if !self.alive[j][o] {
                    continue;
                }
                let seen = &mut self.overruling[j][o];
                for (c, chosen) in self.chosen.iter().enumerate().skip(seen.compared) {
                    if chosen.offers.is_empty() {
                        continue;
                    }
                    let by_other = other.rules_out(chosen);
                    if !by_other.is_empty() {
                        seen.rules_out.push((c, by_other));
                    }
                }
                seen.compared = self.chosen.len();
                let overrules = seen.rules_out.iter().any(|(c, by_other)| {
                    let chosen = &self.chosen[*c];
                    let mut ruled = self.ruled.get(&chosen.id).unwrap_or(&empty).clone();
                    ruled.extend(by_other.iter().copied());
                    ruled.len() > chosen.tolerates()
                });
                if overrules {
                    self.alive[j][o] = false;
                }
            }
        }
    }

    /// Where the candidate `id` is (kind, place), if it is still allowed.
    fn find_alive(&self, id: &str) -> Option<(usize, usize)> {
        self.pools.iter().enumerate().find_map(|(k, (_, _, list))| {
            list.iter()
                .position(|c| c.id == id)
                .filter(|&i| self.alive[k][i])
                .map(|i| (k, i))
        })
    }

    /// Pinned questions come first, in the order they are pinned; what they took from kinds
    /// without a share comes off the largest shares.
    fn pin(&mut self, pinned: &[String], total: usize) {
        for id in pinned {
            if self.chosen.len() >= total {
                break;
            }
            let Some((k, i)) = self.find_alive(id) else {
                continue;
            };
            self.take(k, i);
            self.quota[k] = self.quota[k].saturating_sub(1);
        }
        while self.quota.iter().sum::<usize>() + self.chosen.len() > total {
            let quota = &mut self.quota;
            let Some(largest) = (0..quota.len()).max_by_key(|&k| (quota[k], std::cmp::Reverse(k)))
            else {
                break;
            };
            quota[largest] = quota[largest].saturating_sub(1);
        }
    }

    /// The teacher's own questions come next, each while its kind still has a share to give
    /// (and below its cap): a question the teacher wrote is asked before a generated one.
    fn prefer(&mut self, preferred: &[String]) {
        for id in preferred {
            let Some((k, i)) = self.find_alive(id) else {
                continue;
            };
            let kind = self.pools[k].0;
            let given = self.chosen.iter().filter(|c| c.kind() == kind).count();
            if self.quota[k] == 0 || self.cap(k, usize::MAX) <= given {
                continue;
            }
            self.take(k, i);
            self.quota[k] -= 1;
        }
    }

    /// Kinds take turns, the scarcest first: a matching set or a timeline needs several
    /// entries that no earlier pick may have claimed, while cloze and multiple-choice items
    /// have many alternatives. A kind that cannot pick any more gives its turn up for good,
    /// and its unfilled share goes to kinds that still can.
    fn take_turns(&mut self, rules: &Rules) {
        let mut turns: Vec<usize> = (0..self.pools.len()).collect();
        turns.sort_by_key(|&k| (self.pools[k].2.len(), k));
        loop {
            let mut progressed = false;
            for &k in &turns {
                if self.quota[k] == 0 {
                    continue;
                }
                match self.best_of(k, rules) {
                    Some(i) => {
                        let kind = self.pools[k].0;
                        let given = self.chosen.iter().filter(|c| c.kind() == kind).count() + 1;
                        self.take(k, i);
                        self.quota[k] -= 1;
                        if self.cap(k, usize::MAX) <= given {
                            // The kind reached its cap: what it still had goes to the others.
                            self.give_up(k);
                        }
                    }
                    None => self.give_up(k),
                }
                progressed = true;
            }
            if !progressed || self.quota.iter().all(|&q| q == 0) {
                break;
            }
        }
    }

    /// Kind `k`'s best pick: among its candidates about the least used entries, a few in
    /// seeded order, weighed by how much they would take from kinds that could run short
    /// (and, if truth is balanced, by whether they would tip the balance).
    fn best_of(&self, k: usize, rules: &Rules) -> Option<usize> {
        let used = |c: &Candidate| -> usize {
            c.entries
                .iter()
                .map(|e| self.uses.get(e).copied().unwrap_or(0))
                .sum()
        };
        let pool = &self.pools[k].2;
        let open: Vec<usize> = (0..pool.len()).filter(|&i| self.alive[k][i]).collect();
        let least = open.iter().map(|&i| used(pool[i])).min();
        let at_risk: Vec<usize> = (0..self.pools.len())
            .filter(|&j| j != k && self.quota[j] > 0 && self.left(j) <= 2 * self.quota[j] + 4)
            .collect();
        open.iter()
            .copied()
            .filter(|&i| Some(used(pool[i])) == least)
            .take(24)
            .min_by_key(|&i| {
                let c = pool[i];
                let blocks: usize = at_risk
                    .iter()
                    .map(|&j| {
                        self.pools[j]
                            .2
                            .iter()
                            .zip(&self.alive[j])
                            .filter(|(o, a)| **a && conflict(c, o))
                            .count()
                    })
                    .sum();
                let lean = match c.truth {
                    _ if !rules.balance_truth => 0,
                    Some(true) if self.trues == self.falses => usize::from(!self.true_first),
                    Some(false) if self.trues == self.falses => usize::from(self.true_first),
                    Some(true) => usize::from(self.trues > self.falses),
                    Some(false) => usize::from(self.falses > self.trues),
                    None => 0,
                };
                (lean, blocks, i)
            })
    }

    /// Kind `k` picks no more: its unfilled share goes to the kinds that still can.
    fn give_up(&mut self, k: usize) {
        let unfilled = std::mem::take(&mut self.quota[k]);
        self.alive[k].iter_mut().for_each(|a| *a = false);
        spill(unfilled, &self.pools, &self.alive, &mut self.quota);
    }
}

/// Gives `unfilled` questions to the kinds that still have candidates, by weight.
fn spill(
    unfilled: usize,
    pools: &[(QuestionKind, u32, Vec<&Candidate>)],
    alive: &[Vec<bool>],
    quota: &mut [usize],
) {
    let shape: Vec<(QuestionKind, u32, usize)> = pools
        .iter()
        .enumerate()
        .map(|(j, (kind, w, _))| {
            let left = alive[j].iter().filter(|a| **a).count();
            (*kind, *w, left.saturating_sub(quota[j]))
        })
        .collect();
    for (j, more) in quotas(unfilled, &shape).into_iter().enumerate() {
        quota[j] += more;
    }
}

/// The letter of the `n`th variant form: A, B, … Z.
pub fn variant_letter(n: usize) -> String {
    char::from(b'A' + (n % 26) as u8).to_string()
}

/// Puts chosen questions in the order of one form (`None`: the main quiz), each worth what
/// `points` says of its kind.
pub fn form(
    seed: u64,
    deck: &str,
    title: &str,
    chosen: &[Candidate],
    variant: Option<&str>,
    points: &dyn Fn(QuestionKind) -> u32,
) -> Quiz {
    let label = variant.unwrap_or("main");
    let mut ordered: Vec<&Candidate> = chosen.iter().collect();
    ordered.sort_by_cached_key(|c| {
        let group = KIND_ORDER
            .iter()
            .position(|k| *k == c.kind())
            .unwrap_or(KIND_ORDER.len());
        (
            group,
            rng::rank(seed, &[deck, "order", label], &c.id),
            c.id.clone(),
        )
    });
    let widest = ordered
        .iter()
        .map(|c| match &c.body {
            Body::MultipleChoice(choice) | Body::Who(choice) => choice.options.len(),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let mut at_position = vec![0usize; widest];
    let questions = ordered
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let mut stream = Stream::new(seed, &[deck, label, &c.id]);
            let body = match &c.body {
                Body::MultipleChoice(choice) => {
                    Body::MultipleChoice(place(choice, &mut at_position, &mut stream))
                }
                Body::Who(choice) => Body::Who(place(choice, &mut at_position, &mut stream)),
                Body::Matching(m) => {
                    let mut m = m.clone();
                    let perm = derange(&mut stream, m.right.len());
                    m.right = perm.iter().map(|&j| m.right[j].clone()).collect();
                    // Left item i's partner was at i; it is now where the permutation put it.
                    m.pairs = (0..m.left.len())
                        .map(|l| (l, perm.iter().position(|&j| j == l).unwrap_or(l)))
                        .collect();
                    Body::Matching(m)
                }
                Body::Timeline(t) => {
                    let mut t = t.clone();
                    let perm = derange(&mut stream, t.items.len());
                    t.items = perm.iter().map(|&j| t.items[j].clone()).collect();
                    t.dates = perm.iter().map(|&j| t.dates[j].clone()).collect();
                    // Chronological position k holds the item that came from index k.
                    t.order = (0..perm.len())
                        .map(|k| perm.iter().position(|&j| j == k).unwrap_or(k))
                        .collect();
                    Body::Timeline(t)
                }
                other => other.clone(),
            };
            Question {
                id: c.id.clone(),
                number: i as u32 + 1,
                body,
                entry: c.entries.first().cloned().unwrap_or_default(),
                entries: c.entries.clone(),
                explanation: c.explanation.text(),
                note: c.note.clone(),
                sources: c.sources.clone(),
                origin: c.origin.clone(),
                points: points(c.kind()),
            }
        })
        .collect();
    Quiz {
        deck: deck.to_owned(),
        title: title.to_owned(),
        seed,
        variant: variant.map(str::to_owned),
        questions,
    }
}

/// Shuffles a canonical choice (answer first) and puts the answer at the least used position
/// so far, so that correct answers are spread evenly over A, B, C, D across the quiz.
fn place(choice: &Choice, at_position: &mut [usize], stream: &mut Stream) -> Choice {
    if choice.ordered {
        // Years, dates and numbers stand in their natural order: the answer's place is
        // where its value falls.
        if let Some(count) = at_position.get_mut(choice.answer) {
            *count += 1;
        }
        return choice.clone();
    }
    let n = choice.options.len();
    let least = at_position[..n].iter().copied().min().unwrap_or(0);
    let ties: Vec<usize> = (0..n).filter(|&p| at_position[p] == least).collect();
    let position = ties[stream.below(ties.len())];
    at_position[position] += 1;
    let correct = choice.options[choice.answer].clone();
    let mut others: Vec<String> = choice
        .options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != choice.answer)
        .map(|(_, o)| o.clone())
        .collect();
    stream.shuffle(&mut others);
    others.insert(position, correct);
    Choice {
        prompt: choice.prompt.clone(),
        options: others,
        answer: position,
        lang: choice.lang.clone(),
        ordered: false,
    }
}

/// A permutation of `0..n` that is not the identity (when `n` > 1), so a matching column or
/// a timeline never shows its answer as given.
fn derange(stream: &mut Stream, n: usize) -> Vec<usize> {
    let mut perm = stream.permutation(n);
    if n > 1 && perm.iter().enumerate().all(|(i, &j)| i == j) {
        perm.rotate_left(1);
    }
    perm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotas_follow_weights_and_spill_over() {
        use QuestionKind::*;
        assert_eq!(
            quotas(10, &[(MultipleChoice, 1, 50), (Cloze, 1, 50)]),
            [5, 5]
        );
        assert_eq!(
            quotas(10, &[(MultipleChoice, 4, 50), (Cloze, 1, 50)]),
            [8, 2]
        );
        assert_eq!(
            quotas(10, &[(MultipleChoice, 1, 2), (Cloze, 1, 50)]),
            [2, 8]
        );
        assert_eq!(
            quotas(7, &[(MultipleChoice, 1, 50), (Cloze, 1, 50), (Who, 1, 50)]),
            [3, 2, 2]
        );
        assert_eq!(quotas(10, &[(MultipleChoice, 1, 3), (Cloze, 1, 2)]), [3, 2]);
        assert_eq!(
            quotas(10, &[(MultipleChoice, 0, 30), (Cloze, 1, 30)]),
            [0, 10]
        );
    }

    #[test]
    fn derangement_is_never_the_identity() {
        for seed in 0..200 {
            let mut s = Stream::new(seed, &["d"]);
            let p = derange(&mut s, 3);
            assert!(p != [0, 1, 2]);
            let mut sorted = p.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2]);
        }
    }
}
