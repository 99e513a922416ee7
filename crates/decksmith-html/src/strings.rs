//! The words of the study pages' interface, in English and Russian.
//!
//! The course's `language` picks the built-in text; `strings:` in `course.yaml` replaces any
//! of it by key (`ui.check: "Check my answer"`). Keys start with `ui.` so they never clash with
//! the phrases generation uses (`q.*`, `s.*`, …). Placeholders in braces are filled in; a
//! string with `|` holds plural forms (English: one|other; Russian: one|few|many).

use std::collections::BTreeMap;

use decksmith_model::{Course, Deck};
use decksmith_quiz::phrases::Phrasebook;

/// Every interface key with its English and Russian text.
pub const UI_STRINGS: &[(&str, &str, &str)] = &[
    // Every page.
    ("ui.course", "Course", "Курс"),
    ("ui.skip", "Skip to the content", "Перейти к содержанию"),
    // The index page.
    ("ui.decks", "Decks", "Разделы"),
    (
        "ui.cards-count",
        "{n} card|{n} cards",
        "{n} карточка|{n} карточки|{n} карточек",
    ),
    (
        "ui.questions-count",
        "{n} question|{n} questions",
        "{n} вопрос|{n} вопроса|{n} вопросов",
    ),
    ("ui.tags", "Tags", "Теги"),
    ("ui.study", "Study", "Учить"),
    ("ui.files", "Files", "Файлы"),
    // The teacher page.
    ("ui.teacher", "For the teacher", "Для преподавателя"),
    (
        "ui.teacher-lead",
        "The answer keys, the quizzes as data (quiz.json) and the question banks to import into an LMS: quiz.moodle.xml and quiz.gift for Moodle, quiz.qti.zip for Canvas and Brightspace. The index page does not link this page; keep these files from students. A build with --student makes an output without them, safe to publish.",
        "Ключи ответов, тесты в виде данных (quiz.json) и банки вопросов для импорта в СДО: quiz.moodle.xml и quiz.gift для Moodle, quiz.qti.zip для Canvas и Brightspace. Главная страница не ссылается на эту; не давайте эти файлы студентам. Сборка с --student делает вывод без них, который можно публиковать.",
    ),
    ("ui.teacher-answers", "Answers", "Ответы"),
    ("ui.study-material", "Study material", "Учебные материалы"),
    (
        "ui.to-index",
        "The students' index page",
        "Главная страница для студентов",
    ),
    ("ui.file.flashcards", "Flashcards", "Карточки"),
    ("ui.file.quiz", "Quiz", "Тест"),
    ("ui.file.worksheet", "Worksheet", "Рабочий лист"),
    ("ui.file.answer-key", "Answer key", "Ответы"),
    ("ui.file.cards", "Cards", "Карточки"),
    ("ui.file.deck", "Anki deck", "Колода Anki"),
    (
        "ui.file.form",
        "{file}, form {form}",
        "{file}, вариант {form}",
    ),
    ("ui.file.page", "{file}", "{file}"),
    ("ui.file.other", "{file} ({format})", "{file} ({format})"),
    // The kinds of entry, shown on the front of a card.
    ("ui.kind.term", "Term", "Термин"),
    ("ui.kind.fact", "Fact", "Факт"),
    ("ui.kind.event", "Event", "Событие"),
    ("ui.kind.person", "Person", "Человек"),
    ("ui.kind.organization", "Organization", "Организация"),
    ("ui.kind.quote", "Quote", "Цитата"),
    ("ui.kind.question", "Question", "Вопрос"),
    // The flashcards page.
    ("ui.flashcards", "Flashcards", "Карточки"),
    ("ui.source", "Source", "Источник"),
    ("ui.flip", "Flip", "Перевернуть"),
    ("ui.previous", "Previous", "Назад"),
    ("ui.next", "Next", "Далее"),
    ("ui.shuffle", "Shuffle", "Перемешать"),
    ("ui.due-today", "Due today", "На сегодня"),
    ("ui.all-cards", "All cards", "Все карточки"),
    ("ui.answer-first", "Answer first", "Сначала ответ"),
    (
        "ui.grade",
        "How well did you know it?",
        "Насколько хорошо вы знали ответ?",
    ),
    ("ui.again", "Again", "Снова"),
    ("ui.hard", "Hard", "Трудно"),
    ("ui.good", "Good", "Хорошо"),
    ("ui.easy", "Easy", "Легко"),
    ("ui.more", "More", "Ещё"),
    ("ui.export", "Export progress", "Сохранить прогресс в файл"),
    (
        "ui.import",
        "Import progress",
        "Загрузить прогресс из файла",
    ),
    ("ui.reset", "Reset progress", "Сбросить прогресс"),
    ("ui.progress-label", "Cards studied", "Изученные карточки"),
    (
        "ui.progress",
        "{due} due · {fresh} new today · {studied} of {total} studied",
        "К повторению {due} · новых сегодня {fresh} · изучено {studied} из {total}",
    ),
    (
        "ui.card-of",
        "Card {n} of {total}",
        "Карточка {n} из {total}",
    ),
    ("ui.card-new", "New", "Новая"),
    ("ui.due-now", "Due now", "Пора повторить"),
    ("ui.due-in", "Due in {when}", "Повторить через {when}"),
    ("ui.ivl-min", "{n} min", "{n} мин"),
    ("ui.ivl-hour", "{n} h", "{n} ч"),
    ("ui.ivl-day", "{n} d", "{n} дн."),
    ("ui.ivl-month", "{n} mo", "{n} мес."),
    ("ui.ivl-year", "{n} y", "{n} г."),
    (
        "ui.graded",
        "{grade}: back in {when}",
        "{grade}: снова через {when}",
    ),
    (
        "ui.flipped",
        "Showing the back",
        "Показана оборотная сторона",
    ),
    (
        "ui.unflipped",
        "Showing the front",
        "Показана лицевая сторона",
    ),
    ("ui.shuffled", "Shuffled", "Карточки перемешаны"),
    (
        "ui.ordered",
        "In order, from the first card",
        "По порядку, с первой карточки",
    ),
    ("ui.reset-done", "Progress reset", "Прогресс сброшен"),
    (
        "ui.done-next",
        "Done for now: the next card is due in {when}. Choose “All cards” to study ahead.",
        "Пока всё: следующая карточка — через {when}. Выберите «Все карточки», чтобы заниматься дальше.",
    ),
    (
        "ui.done-today",
        "Done for today: nothing is due and today's new cards are seen. Choose “All cards” to study ahead.",
        "На сегодня всё: повторять нечего, новые карточки дня просмотрены. Выберите «Все карточки», чтобы заниматься дальше.",
    ),
    (
        "ui.exported",
        "Cards saved to the file: {n}.",
        "Карточек сохранено в файл: {n}.",
    ),
    (
        "ui.imported",
        "Cards imported: {n}.",
        "Карточек загружено: {n}.",
    ),
    (
        "ui.import-elsewhere",
        "Left out, not in this deck: {n}.",
        "Пропущено, нет в этом разделе: {n}.",
    ),
    (
        "ui.import-older",
        "Kept as they were, newer in this browser: {n}.",
        "Оставлено как было, в браузере новее: {n}.",
    ),
    (
        "ui.import-broken",
        "Left out, incomplete in the file: {n}.",
        "Пропущено, неполные записи в файле: {n}.",
    ),
    (
        "ui.import-failed",
        "This file is not a decksmith progress file; nothing was changed.",
        "Это не файл прогресса decksmith; ничего не изменено.",
    ),
    (
        "ui.keys",
        "Keys: Space or Enter flips the card; 1–4 grade it (Again, Hard, Good, Easy); ← and → go to the previous and next card.",
        "Клавиши: пробел или Enter переворачивают карточку; 1–4 — оценка (снова, трудно, хорошо, легко); ← и → — предыдущая и следующая.",
    ),
    (
        "ui.print-cards",
        "Cut along the dashed lines and fold each card along the dotted line.",
        "Разрежьте лист по пунктиру и сложите каждую карточку по точечной линии.",
    ),
    // The quiz page.
    ("ui.quiz", "Quiz", "Тест"),
    ("ui.quiz-title", "Quiz: {deck}", "Тест: {deck}"),
    ("ui.form", "Form", "Вариант"),
    ("ui.form-main", "Main", "Основной"),
    (
        "ui.instructions",
        "Answer the questions, then check each one or all of them at once.",
        "Ответьте на вопросы, затем проверьте каждый по отдельности или все сразу.",
    ),
    ("ui.question", "Question {n}", "Вопрос {n}"),
    ("ui.check", "Check", "Проверить"),
    ("ui.check-all", "Check all", "Проверить все"),
    ("ui.retry", "Retry the ones I missed", "Повторить ошибки"),
    ("ui.start-over", "Start over", "Начать заново"),
    (
        "ui.score",
        "{score} of {total} correct · {checked} checked",
        "Верно {score} из {total} · проверено {checked}",
    ),
    ("ui.correct", "Correct", "Правильно"),
    ("ui.wrong", "Not quite", "Неправильно"),
    ("ui.unanswered", "No answer given", "Нет ответа"),
    (
        "ui.answer-first-please",
        "Answer the question first, then check it.",
        "Сначала ответьте на вопрос, затем проверьте.",
    ),
    (
        "ui.nothing-to-retry",
        "Nothing to retry: no checked question was missed.",
        "Повторять нечего: ошибок среди проверенных вопросов нет.",
    ),
    ("ui.retrying", "{n} to try again", "Ещё раз: {n}"),
    ("ui.answer", "Answer", "Ответ"),
    ("ui.true", "True", "Верно"),
    ("ui.false", "False", "Неверно"),
    ("ui.blank", "Blank {n}", "Пропуск {n}"),
    ("ui.choose", "Choose…", "Выберите…"),
    ("ui.choices", "Answers to choose from:", "Варианты ответа:"),
    ("ui.move-up", "Move up: {item}", "Выше: {item}"),
    ("ui.move-down", "Move down: {item}", "Ниже: {item}"),
    (
        "ui.moved",
        "Position {n} of {total}: {item}",
        "Позиция {n} из {total}: {item}",
    ),
    (
        "ui.timeline-keys",
        "Move an event with its buttons, or with Alt+↑ and Alt+↓.",
        "Перемещайте события кнопками или клавишами Alt+↑ и Alt+↓.",
    ),
    (
        "ui.recall-hint",
        "Say or write the answer, then show it and choose whether you knew it.",
        "Назовите или запишите ответ, затем откройте его и отметьте, знали ли вы его.",
    ),
    ("ui.show-answer", "Show the answer", "Показать ответ"),
    ("ui.knew", "I knew it", "Знаю"),
    ("ui.did-not-know", "I did not know it", "Не знаю"),
    ("ui.answers", "Answers", "Ответы"),
    ("ui.name", "Name", "Имя"),
    ("ui.date", "Date", "Дата"),
];

/// The strings the pages' scripts need, with the page's language.
pub const SCRIPT_KEYS: &[&str] = &[
    "ui.progress",
    "ui.card-of",
    "ui.flipped",
    "ui.unflipped",
    "ui.shuffled",
    "ui.ordered",
    "ui.reset-done",
    "ui.card-new",
    "ui.due-now",
    "ui.due-in",
    "ui.ivl-min",
    "ui.ivl-hour",
    "ui.ivl-day",
    "ui.ivl-month",
    "ui.ivl-year",
    "ui.graded",
    "ui.again",
    "ui.hard",
    "ui.good",
    "ui.easy",
    "ui.due-today",
    "ui.all-cards",
    "ui.done-next",
    "ui.done-today",
    "ui.exported",
    "ui.imported",
    "ui.import-elsewhere",
    "ui.import-older",
    "ui.import-broken",
    "ui.import-failed",
    "ui.score",
    "ui.correct",
    "ui.wrong",
    "ui.unanswered",
    "ui.answer-first-please",
    "ui.nothing-to-retry",
    "ui.retrying",
    "ui.moved",
];

/// The keys a course may override, for `decksmith check`.
pub fn keys() -> impl Iterator<Item = &'static str> {
    UI_STRINGS.iter().map(|(key, ..)| *key)
}

/// The interface text of one course: a [`Phrasebook`] of [`UI_STRINGS`], with plurals, file
/// labels and the scripts' strings.
#[derive(Clone, Debug)]
pub struct Ui<'a> {
    book: Phrasebook<'a>,
    /// Generation's words (citations' locators, dates) with the same overrides.
    phrases: Phrasebook<'a>,
    language: &'a str,
}

impl<'a> Ui<'a> {
    /// The interface of `course` (its index page).
    pub fn new(course: &'a Course) -> Ui<'a> {
        Ui::with(&course.language, &course.strings)
    }

    /// The interface of a deck's pages: in the deck's language.
    pub fn for_deck(course: &'a Course, deck: &'a Deck) -> Ui<'a> {
        Ui::with(course.language_of(deck), &course.strings)
    }

    /// The interface in `language` (`en`, `ru`, …) with a course's `strings:` over it.
    pub fn with(language: &'a str, overrides: &'a BTreeMap<String, String>) -> Ui<'a> {
        Ui {
            book: Phrasebook::new(UI_STRINGS, language, overrides),
            phrases: Phrasebook::new(decksmith_quiz::phrases::PHRASES, language, overrides),
            language,
        }
    }

    /// Generation's phrasebook in the same language and with the same `strings:`: for the
    /// words around values (a citation's "para.").
    pub fn phrases(&self) -> &Phrasebook<'a> {
        &self.phrases
    }

    /// The language code of the interface.
    pub fn language(&self) -> &'a str {
        self.language
    }

    /// The text of `key` (`ui.check`); the key itself when it is unknown, so a typo in a
    /// template shows on the page instead of vanishing.
    pub fn t<'s>(&self, key: &'s str) -> &'s str
    where
        'a: 's,
    {
        self.book.template(key)
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.t(key), values)
    }

    /// The plural form of `key` for `n`, with `{n}` filled in.
    pub fn count(&self, key: &str, n: usize) -> String {
        let forms: Vec<&str> = self.t(key).split('|').collect();
        let index = if self.book.is_russian() {
            russian_plural(n)
        } else {
            usize::from(n != 1)
        };
        let form = forms
            .get(index)
            .or_else(|| forms.last())
            .copied()
            .unwrap_or_default();
        fill(form, &[("n", &n.to_string())])
    }

    /// What a deck's file is (`quiz-A.json` → `Quiz, form A (JSON)`): known names in the
    /// interface language, others as they are.
    pub fn file_label(&self, name: &str) -> String {
        let (stem, extension) = name.split_once('.').unwrap_or((name, ""));
        let (base, form) = match stem.rsplit_once('-') {
            Some((base, v)) if v.len() == 1 && v.chars().all(|c| c.is_ascii_uppercase()) => {
                (base, Some(v))
            }
            _ => (stem, None),
        };
        let key = format!("ui.file.{base}");
        let mut file = if UI_STRINGS.iter().any(|(k, ..)| *k == key) {
            self.t(&key).to_owned()
        } else {
            base.to_owned()
        };
        if let Some(form) = form {
            file = self.fill("ui.file.form", &[("file", &file), ("form", form)]);
        }
        let format = match extension {
            "html" => return self.fill("ui.file.page", &[("file", &file)]),
            // The name says it all: "Anki deck".
            "" | "apkg" => return file,
            "moodle.xml" => "Moodle XML".to_owned(),
            // Which LMS takes it is what a teacher needs to know of a QTI package.
            "qti.zip" => "QTI: Canvas, Brightspace".to_owned(),
            other => other.to_ascii_uppercase(),
        };
        self.fill("ui.file.other", &[("file", &file), ("format", &format)])
    }

    /// The strings the scripts need, by key.
    pub fn for_script(&self) -> BTreeMap<&'static str, &'a str> {
        SCRIPT_KEYS.iter().map(|key| (*key, self.t(key))).collect()
    }
}

/// CLDR's Russian plural categories: one (1, 21, …), few (2–4, 22–24, …), many (the rest).
fn russian_plural(n: usize) -> usize {
    let (units, tens) = (n % 10, n % 100);
    if units == 1 && tens != 11 {
        0
    } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
        1
    } else {
        2
    }
}

/// `template` with each `{name}` replaced by its value; other braces are left alone.
///
/// Not [`decksmith_quiz::phrases::fill`]: a `{` that opens no placeholder is passed over
/// here, so `{{n}}` gives `{1}` as it does in the scripts (`/\{(\w+)\}/g`), which fill the
/// same strings in the browser; that one keeps `{{n}}` whole.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
