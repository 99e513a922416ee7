//! Place names and language names in English and Russian.
//!
//! An answer such as `Moscow`, `the United States`, `Latin America`, `Asia`, `Москва` or
//! `Китай` is recognised as a place of a [`PlaceKind`] (a country, a city, a world region or
//! a continent), and `Russian` or `русский язык` as a language name, so that distractors
//! can be drawn of the same kind and in the same language.
//!
//! The tables hold all 193 UN member states, the two observer states (the Holy See and
//! Palestine), Kosovo and Taiwan; the capitals of most of them and other cities often named
//! in texts on international affairs; the continents; and world regions in common use.
//!
//! Spelling. English names are the usual short names, with `the` where running text uses
//! it (`the United States`, `the Netherlands`, but `Russia`), and current official forms
//! (`Türkiye`, `Czechia`, `Eswatini`, `Kyiv`) with older or informal ones as aliases
//! (`Turkey`, `the Czech Republic`, `Swaziland`, `Kiev`); names given up for good (`Peking`,
//! `Bombay`) are left out, and so are ambiguous ones (`America`, `Congo`, `Macedonia`).
//! Russian names are the usual forms of Russian running text and of reference works
//! (`США`, `ОАЭ`, `ЮАР`, `КНДР`, `Белоруссия`, `Молдавия`, `Киргизия`, `Туркмения`,
//! `Киев`, `Таллин`), with official forms as aliases (`Беларусь`, `Молдова`,
//! `Кыргызстан`). Russian names are written with `е`, never `ё` (`Соединенные Штаты`,
//! `Кишинев`), as Russian print usually does; lookups treat `ё` as `е`.
//!
//! One name belongs to two places: `Australia` (`Австралия`) is both a country and a
//! continent. [`find_place`] gives the country, the first in table order; [`find_places`]
//! gives both. Capitals named in Russian as their country is (Algiers and Algeria are both
//! `Алжир`; also Tunis, Djibouti, Guatemala City, Panama City) are left out, and so are
//! the cities of city-states (Singapore, Monaco). Aliases that are also common words or
//! abbreviations of other things (`CAR`, `PNG`) are left out too.

use std::iter;
use std::sync::OnceLock;

use PlaceKind::{City, Continent, Country, Region};

use crate::{HashMap, HashSet};

/// What kind of place a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A state: a UN member or observer state, Kosovo or Taiwan.
    Country,
    /// A city.
    City,
    /// A world region (`Latin America`, `the Balkans`, `Oceania`).
    Region,
    /// A continent.
    Continent,
}

/// A place with its English and Russian names.
#[derive(Debug, PartialEq, Eq)]
pub struct Place {
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// The English name as used in running text, with `the` where English uses it
    /// (`the United States`, `the Netherlands`; not `Russia`).
    pub en: &'static str,
    /// The Russian name, nominative, in the usual form of running text (`США`,
    /// `Великобритания`, `Москва`).
    pub ru: &'static str,
    /// Other names of the same place, English or Russian (`USA`, `Britain`,
    /// `Российская Федерация`).
    pub aliases: &'static [&'static str],
}

const fn p(
    kind: PlaceKind,
    en: &'static str,
    ru: &'static str,
    aliases: &'static [&'static str],
) -> Place {
    Place {
        kind,
        en,
        ru,
        aliases,
    }
}

/// All places: countries, then cities, continents and regions, each kind in a fixed order.
#[rustfmt::skip]
pub const PLACES: &[Place] = &[
    // Countries: the UN member states in alphabetical order, then the observer states, Kosovo
    // and Taiwan.
    p(Country, "Afghanistan", "Афганистан", &[]),
    p(Country, "Albania", "Албания", &[]),
    p(Country, "Algeria", "Алжир", &[]),
    p(Country, "Andorra", "Андорра", &[]),
    p(Country, "Angola", "Ангола", &[]),
    p(Country, "Antigua and Barbuda", "Антигуа и Барбуда", &[]),
    p(Country, "Argentina", "Аргентина", &[]),
    p(Country, "Armenia", "Армения", &[]),
    p(Country, "Australia", "Австралия", &[]),
    p(Country, "Austria", "Австрия", &[]),
    p(Country, "Azerbaijan", "Азербайджан", &[]),
    p(Country, "the Bahamas", "Багамы", &["Багамские Острова"]),
    p(Country, "Bahrain", "Бахрейн", &[]),
    p(Country, "Bangladesh", "Бангладеш", &[]),
    p(Country, "Barbados", "Барбадос", &[]),
    p(Country, "Belarus", "Белоруссия", &["Беларусь", "Республика Беларусь"]),
    p(Country, "Belgium", "Бельгия", &[]),
    p(Country, "Belize", "Белиз", &[]),
    p(Country, "Benin", "Бенин", &[]),
    p(Country, "Bhutan", "Бутан", &[]),
    p(Country, "Bolivia", "Боливия", &[]),
    p(Country, "Bosnia and Herzegovina", "Босния и Герцеговина", &[]),
    p(Country, "Botswana", "Ботсвана", &[]),
    p(Country, "Brazil", "Бразилия", &[]),
    p(Country, "Brunei", "Бруней", &["Brunei Darussalam", "Бруней-Даруссалам"]),
    p(Country, "Bulgaria", "Болгария", &[]),
    p(Country, "Burkina Faso", "Буркина-Фасо", &[]),
    p(Country, "Burundi", "Бурунди", &[]),
    p(Country, "Cabo Verde", "Кабо-Верде", &["Cape Verde"]),
    p(Country, "Cambodia", "Камбоджа", &[]),
    p(Country, "Cameroon", "Камерун", &[]),
    p(Country, "Canada", "Канада", &[]),
    p(Country, "the Central African Republic", "Центральноафриканская Республика", &["ЦАР"]),
    p(Country, "Chad", "Чад", &[]),
    p(Country, "Chile", "Чили", &[]),
    p(Country, "China", "Китай", &["the People's Republic of China", "PRC", "КНР", "Китайская Народная Республика"]),
    p(Country, "Colombia", "Колумбия", &[]),
    p(Country, "the Comoros", "Коморы", &["Коморские Острова"]),
    p(Country, "the Republic of the Congo", "Республика Конго", &["Republic of Congo", "Congo-Brazzaville", "Конго-Браззавиль"]),
    p(Country, "Costa Rica", "Коста-Рика", &[]),
    p(Country, "Côte d'Ivoire", "Кот-д’Ивуар", &["Ivory Coast", "Берег Слоновой Кости"]),
    p(Country, "Croatia", "Хорватия", &[]),
    p(Country, "Cuba", "Куба", &[]),
    p(Country, "Cyprus", "Кипр", &[]),
    p(Country, "Czechia", "Чехия", &["the Czech Republic", "Чешская Республика"]),
    p(Country, "the Democratic Republic of the Congo", "Демократическая Республика Конго", &["DR Congo", "DRC", "Congo-Kinshasa", "ДР Конго", "ДРК", "Конго-Киншаса"]),
    p(Country, "Denmark", "Дания", &[]),
    p(Country, "Djibouti", "Джибути", &[]),
    p(Country, "Dominica", "Доминика", &[]),
    p(Country, "the Dominican Republic", "Доминиканская Республика", &["Доминикана"]),
    p(Country, "Ecuador", "Эквадор", &[]),
    p(Country, "Egypt", "Египет", &[]),
    p(Country, "El Salvador", "Сальвадор", &[]),
    p(Country, "Equatorial Guinea", "Экваториальная Гвинея", &[]),
    p(Country, "Eritrea", "Эритрея", &[]),
    p(Country, "Estonia", "Эстония", &[]),
    p(Country, "Eswatini", "Эсватини", &["Swaziland", "Свазиленд"]),
    p(Country, "Ethiopia", "Эфиопия", &[]),
    p(Country, "Fiji", "Фиджи", &[]),
    p(Country, "Finland", "Финляндия", &[]),
    p(Country, "France", "Франция", &[]),
    p(Country, "Gabon", "Габон", &[]),
    p(Country, "the Gambia", "Гамбия", &[]),
    p(Country, "Georgia", "Грузия", &[]),
    p(Country, "Germany", "Германия", &["the Federal Republic of Germany", "ФРГ", "Федеративная Республика Германия"]),
    p(Country, "Ghana", "Гана", &[]),
    p(Country, "Greece", "Греция", &[]),
    p(Country, "Grenada", "Гренада", &[]),
    p(Country, "Guatemala", "Гватемала", &[]),
    p(Country, "Guinea", "Гвинея", &[]),
    p(Country, "Guinea-Bissau", "Гвинея-Бисау", &[]),
    p(Country, "Guyana", "Гайана", &[]),
    p(Country, "Haiti", "Гаити", &[]),
    p(Country, "Honduras", "Гондурас", &[]),
    p(Country, "Hungary", "Венгрия", &[]),
    p(Country, "Iceland", "Исландия", &[]),
    p(Country, "India", "Индия", &[]),
    p(Country, "Indonesia", "Индонезия", &[]),
    p(Country, "Iran", "Иран", &[]),
    p(Country, "Iraq", "Ирак", &[]),
    p(Country, "Ireland", "Ирландия", &[]),
    p(Country, "Israel", "Израиль", &[]),
    p(Country, "Italy", "Италия", &[]),
    p(Country, "Jamaica", "Ямайка", &[]),
    p(Country, "Japan", "Япония", &[]),
    p(Country, "Jordan", "Иордания", &[]),
    p(Country, "Kazakhstan", "Казахстан", &[]),
    p(Country, "Kenya", "Кения", &[]),
    p(Country, "Kiribati", "Кирибати", &[]),
    p(Country, "Kuwait", "Кувейт", &[]),
    p(Country, "Kyrgyzstan", "Киргизия", &["Кыргызстан"]),
    p(Country, "Laos", "Лаос", &[]),
    p(Country, "Latvia", "Латвия", &[]),
    p(Country, "Lebanon", "Ливан", &[]),
    p(Country, "Lesotho", "Лесото", &[]),
    p(Country, "Liberia", "Либерия", &[]),
    p(Country, "Libya", "Ливия", &[]),
    p(Country, "Liechtenstein", "Лихтенштейн", &[]),
    p(Country, "Lithuania", "Литва", &[]),
    p(Country, "Luxembourg", "Люксембург", &[]),
    p(Country, "Madagascar", "Мадагаскар", &[]),
    p(Country, "Malawi", "Малави", &[]),
    p(Country, "Malaysia", "Малайзия", &[]),
    p(Country, "the Maldives", "Мальдивы", &[]),
    p(Country, "Mali", "Мали", &[]),
    p(Country, "Malta", "Мальта", &[]),
    p(Country, "the Marshall Islands", "Маршалловы Острова", &[]),
    p(Country, "Mauritania", "Мавритания", &[]),
    p(Country, "Mauritius", "Маврикий", &[]),
    p(Country, "Mexico", "Мексика", &[]),
    p(Country, "Micronesia", "Микронезия", &["the Federated States of Micronesia", "Федеративные Штаты Микронезии"]),
    p(Country, "Moldova", "Молдавия", &["Молдова"]),
    p(Country, "Monaco", "Монако", &[]),
    p(Country, "Mongolia", "Монголия", &[]),
    p(Country, "Montenegro", "Черногория", &[]),
    p(Country, "Morocco", "Марокко", &[]),
    p(Country, "Mozambique", "Мозамбик", &[]),
    p(Country, "Myanmar", "Мьянма", &["Burma", "Бирма"]),
    p(Country, "Namibia", "Намибия", &[]),
    p(Country, "Nauru", "Науру", &[]),
    p(Country, "Nepal", "Непал", &[]),
    p(Country, "the Netherlands", "Нидерланды", &["Holland", "Голландия"]),
    p(Country, "New Zealand", "Новая Зеландия", &[]),
    p(Country, "Nicaragua", "Никарагуа", &[]),
    p(Country, "Niger", "Нигер", &[]),
    p(Country, "Nigeria", "Нигерия", &[]),
    p(Country, "North Korea", "КНДР", &["DPRK", "the Democratic People's Republic of Korea", "Северная Корея", "Корейская Народно-Демократическая Республика"]),
    p(Country, "North Macedonia", "Северная Македония", &[]),
    p(Country, "Norway", "Норвегия", &[]),
    p(Country, "Oman", "Оман", &[]),
    p(Country, "Pakistan", "Пакистан", &[]),
    p(Country, "Palau", "Палау", &[]),
    p(Country, "Panama", "Панама", &[]),
    p(Country, "Papua New Guinea", "Папуа — Новая Гвинея", &[]),
    p(Country, "Paraguay", "Парагвай", &[]),
    p(Country, "Peru", "Перу", &[]),
    p(Country, "the Philippines", "Филиппины", &[]),
    p(Country, "Poland", "Польша", &[]),
    p(Country, "Portugal", "Португалия", &[]),
    p(Country, "Qatar", "Катар", &[]),
    p(Country, "Romania", "Румыния", &[]),
    p(Country, "Russia", "Россия", &["the Russian Federation", "Российская Федерация", "РФ"]),
    p(Country, "Rwanda", "Руанда", &[]),
    p(Country, "Saint Kitts and Nevis", "Сент-Китс и Невис", &[]),
    p(Country, "Saint Lucia", "Сент-Люсия", &[]),
    p(Country, "Saint Vincent and the Grenadines", "Сент-Винсент и Гренадины", &[]),
    p(Country, "Samoa", "Самоа", &[]),
    p(Country, "San Marino", "Сан-Марино", &[]),
    p(Country, "São Tomé and Príncipe", "Сан-Томе и Принсипи", &[]),
    p(Country, "Saudi Arabia", "Саудовская Аравия", &[]),
    p(Country, "Senegal", "Сенегал", &[]),
    p(Country, "Serbia", "Сербия", &[]),
    p(Country, "Seychelles", "Сейшелы", &["Сейшельские Острова"]),
    p(Country, "Sierra Leone", "Сьерра-Леоне", &[]),
    p(Country, "Singapore", "Сингапур", &[]),
    p(Country, "Slovakia", "Словакия", &[]),
    p(Country, "Slovenia", "Словения", &[]),
    p(Country, "the Solomon Islands", "Соломоновы Острова", &[]),
    p(Country, "Somalia", "Сомали", &[]),
    p(Country, "South Africa", "ЮАР", &["the Republic of South Africa", "Южно-Африканская Республика"]),
    p(Country, "South Korea", "Южная Корея", &["the Republic of Korea", "Республика Корея"]),
    p(Country, "South Sudan", "Южный Судан", &[]),
    p(Country, "Spain", "Испания", &[]),
    p(Country, "Sri Lanka", "Шри-Ланка", &[]),
    p(Country, "Sudan", "Судан", &[]),
    p(Country, "Suriname", "Суринам", &[]),
    p(Country, "Sweden", "Швеция", &[]),
    p(Country, "Switzerland", "Швейцария", &[]),
    p(Country, "Syria", "Сирия", &[]),
    p(Country, "Tajikistan", "Таджикистан", &[]),
    p(Country, "Tanzania", "Танзания", &["the United Republic of Tanzania"]),
    p(Country, "Thailand", "Таиланд", &[]),
    p(Country, "Timor-Leste", "Восточный Тимор", &["East Timor", "Тимор-Лесте"]),
    p(Country, "Togo", "Того", &[]),
    p(Country, "Tonga", "Тонга", &[]),
    p(Country, "Trinidad and Tobago", "Тринидад и Тобаго", &[]),
    p(Country, "Tunisia", "Тунис", &[]),
    p(Country, "Türkiye", "Турция", &["Turkey"]),
    p(Country, "Turkmenistan", "Туркмения", &["Туркменистан"]),
    p(Country, "Tuvalu", "Тувалу", &[]),
    p(Country, "Uganda", "Уганда", &[]),
    p(Country, "Ukraine", "Украина", &[]),
    p(Country, "the United Arab Emirates", "ОАЭ", &["UAE", "Объединенные Арабские Эмираты"]),
    p(Country, "the United Kingdom", "Великобритания", &["UK", "Britain", "Great Britain", "the United Kingdom of Great Britain and Northern Ireland", "Соединенное Королевство", "Британия"]),
    p(Country, "the United States", "США", &["US", "USA", "the United States of America", "Соединенные Штаты", "Соединенные Штаты Америки"]),
    p(Country, "Uruguay", "Уругвай", &[]),
    p(Country, "Uzbekistan", "Узбекистан", &[]),
    p(Country, "Vanuatu", "Вануату", &[]),
    p(Country, "Venezuela", "Венесуэла", &[]),
    p(Country, "Vietnam", "Вьетнам", &["Viet Nam"]),
    p(Country, "Yemen", "Йемен", &[]),
    p(Country, "Zambia", "Замбия", &[]),
    p(Country, "Zimbabwe", "Зимбабве", &[]),
    p(Country, "the Holy See", "Ватикан", &["the Vatican", "Vatican City", "Святой Престол"]),
    p(Country, "Palestine", "Палестина", &["the State of Palestine", "Государство Палестина"]),
    p(Country, "Kosovo", "Косово", &[]),
    p(Country, "Taiwan", "Тайвань", &[]),
    // Cities: capitals (by region), then other cities.
    p(City, "Moscow", "Москва", &[]),
    p(City, "Washington", "Вашингтон", &["Washington, D.C."]),
    p(City, "Ottawa", "Оттава", &[]),
    p(City, "Mexico City", "Мехико", &[]),
    p(City, "Havana", "Гавана", &[]),
    p(City, "Kingston", "Кингстон", &[]),
    p(City, "Santo Domingo", "Санто-Доминго", &[]),
    p(City, "Port-au-Prince", "Порт-о-Пренс", &[]),
    p(City, "San José", "Сан-Хосе", &[]),
    p(City, "Managua", "Манагуа", &[]),
    p(City, "Tegucigalpa", "Тегусигальпа", &[]),
    p(City, "San Salvador", "Сан-Сальвадор", &[]),
    p(City, "Bogotá", "Богота", &[]),
    p(City, "Caracas", "Каракас", &[]),
    p(City, "Quito", "Кито", &[]),
    p(City, "Lima", "Лима", &[]),
    p(City, "La Paz", "Ла-Пас", &[]),
    p(City, "Santiago", "Сантьяго", &["Santiago de Chile"]),
    p(City, "Buenos Aires", "Буэнос-Айрес", &[]),
    p(City, "Montevideo", "Монтевидео", &[]),
    p(City, "Asunción", "Асунсьон", &[]),
    p(City, "Brasília", "Бразилиа", &[]),
    p(City, "London", "Лондон", &[]),
    p(City, "Dublin", "Дублин", &[]),
    p(City, "Paris", "Париж", &[]),
    p(City, "Brussels", "Брюссель", &[]),
    p(City, "Amsterdam", "Амстердам", &[]),
    p(City, "Berlin", "Берлин", &[]),
    p(City, "Bern", "Берн", &["Berne"]),
    p(City, "Vienna", "Вена", &[]),
    p(City, "Rome", "Рим", &[]),
    p(City, "Madrid", "Мадрид", &[]),
    p(City, "Lisbon", "Лиссабон", &[]),
    p(City, "Valletta", "Валлетта", &[]),
    p(City, "Athens", "Афины", &[]),
    p(City, "Nicosia", "Никосия", &[]),
    p(City, "Copenhagen", "Копенгаген", &[]),
    p(City, "Oslo", "Осло", &[]),
    p(City, "Stockholm", "Стокгольм", &[]),
    p(City, "Helsinki", "Хельсинки", &[]),
    p(City, "Reykjavík", "Рейкьявик", &[]),
    p(City, "Tallinn", "Таллин", &["Таллинн"]),
    p(City, "Riga", "Рига", &[]),
    p(City, "Vilnius", "Вильнюс", &[]),
    p(City, "Warsaw", "Варшава", &[]),
    p(City, "Prague", "Прага", &[]),
    p(City, "Bratislava", "Братислава", &[]),
    p(City, "Budapest", "Будапешт", &[]),
    p(City, "Ljubljana", "Любляна", &[]),
    p(City, "Zagreb", "Загреб", &[]),
    p(City, "Sarajevo", "Сараево", &[]),
    p(City, "Belgrade", "Белград", &[]),
    p(City, "Podgorica", "Подгорица", &[]),
    p(City, "Skopje", "Скопье", &[]),
    p(City, "Tirana", "Тирана", &[]),
    p(City, "Sofia", "София", &[]),
    p(City, "Bucharest", "Бухарест", &[]),
    p(City, "Chișinău", "Кишинев", &[]),
    p(City, "Kyiv", "Киев", &["Kiev"]),
    p(City, "Minsk", "Минск", &[]),
    p(City, "Tbilisi", "Тбилиси", &[]),
    p(City, "Yerevan", "Ереван", &[]),
    p(City, "Baku", "Баку", &[]),
    p(City, "Astana", "Астана", &["Nur-Sultan", "Нур-Султан"]),
    p(City, "Tashkent", "Ташкент", &[]),
    p(City, "Bishkek", "Бишкек", &[]),
    p(City, "Dushanbe", "Душанбе", &[]),
    p(City, "Ashgabat", "Ашхабад", &[]),
    p(City, "Ankara", "Анкара", &[]),
    p(City, "Tehran", "Тегеран", &[]),
    p(City, "Baghdad", "Багдад", &[]),
    p(City, "Damascus", "Дамаск", &[]),
    p(City, "Beirut", "Бейрут", &[]),
    p(City, "Amman", "Амман", &[]),
    p(City, "Jerusalem", "Иерусалим", &[]),
    p(City, "Riyadh", "Эр-Рияд", &[]),
    p(City, "Kuwait City", "Эль-Кувейт", &[]),
    p(City, "Manama", "Манама", &[]),
    p(City, "Doha", "Доха", &[]),
    p(City, "Abu Dhabi", "Абу-Даби", &[]),
    p(City, "Muscat", "Маскат", &[]),
    p(City, "Sanaa", "Сана", &["Sana'a"]),
    p(City, "Kabul", "Кабул", &[]),
    p(City, "Islamabad", "Исламабад", &[]),
    p(City, "New Delhi", "Нью-Дели", &[]),
    p(City, "Kathmandu", "Катманду", &[]),
    p(City, "Dhaka", "Дакка", &[]),
    p(City, "Colombo", "Коломбо", &[]),
    p(City, "Naypyidaw", "Нейпьидо", &["Nay Pyi Taw"]),
    p(City, "Bangkok", "Бангкок", &[]),
    p(City, "Vientiane", "Вьентьян", &[]),
    p(City, "Phnom Penh", "Пномпень", &[]),
    p(City, "Hanoi", "Ханой", &[]),
    p(City, "Kuala Lumpur", "Куала-Лумпур", &[]),
    p(City, "Jakarta", "Джакарта", &[]),
    p(City, "Manila", "Манила", &[]),
    p(City, "Beijing", "Пекин", &[]),
    p(City, "Taipei", "Тайбэй", &[]),
    p(City, "Seoul", "Сеул", &[]),
    p(City, "Pyongyang", "Пхеньян", &[]),
    p(City, "Tokyo", "Токио", &[]),
    p(City, "Ulaanbaatar", "Улан-Батор", &["Ulan Bator"]),
    p(City, "Canberra", "Канберра", &[]),
    p(City, "Wellington", "Веллингтон", &[]),
    p(City, "Port Moresby", "Порт-Морсби", &[]),
    p(City, "Cairo", "Каир", &[]),
    p(City, "Tripoli", "Триполи", &[]),
    p(City, "Rabat", "Рабат", &[]),
    p(City, "Nouakchott", "Нуакшот", &[]),
    p(City, "Dakar", "Дакар", &[]),
    p(City, "Bamako", "Бамако", &[]),
    p(City, "Niamey", "Ниамей", &[]),
    p(City, "Ouagadougou", "Уагадугу", &[]),
    p(City, "N'Djamena", "Нджамена", &[]),
    p(City, "Khartoum", "Хартум", &[]),
    p(City, "Juba", "Джуба", &[]),
    p(City, "Asmara", "Асмэра", &[]),
    p(City, "Addis Ababa", "Аддис-Абеба", &[]),
    p(City, "Mogadishu", "Могадишо", &[]),
    p(City, "Nairobi", "Найроби", &[]),
    p(City, "Kampala", "Кампала", &[]),
    p(City, "Kigali", "Кигали", &[]),
    p(City, "Dodoma", "Додома", &[]),
    p(City, "Conakry", "Конакри", &[]),
    p(City, "Freetown", "Фритаун", &[]),
    p(City, "Monrovia", "Монровия", &[]),
    p(City, "Yamoussoukro", "Ямусукро", &[]),
    p(City, "Accra", "Аккра", &[]),
    p(City, "Lomé", "Ломе", &[]),
    p(City, "Abuja", "Абуджа", &[]),
    p(City, "Yaoundé", "Яунде", &[]),
    p(City, "Libreville", "Либревиль", &[]),
    p(City, "Brazzaville", "Браззавиль", &[]),
    p(City, "Kinshasa", "Киншаса", &[]),
    p(City, "Luanda", "Луанда", &[]),
    p(City, "Lusaka", "Лусака", &[]),
    p(City, "Lilongwe", "Лилонгве", &[]),
    p(City, "Harare", "Хараре", &[]),
    p(City, "Maputo", "Мапуту", &[]),
    p(City, "Antananarivo", "Антананариву", &[]),
    p(City, "Windhoek", "Виндхук", &[]),
    p(City, "Gaborone", "Габороне", &[]),
    p(City, "Pretoria", "Претория", &[]),
    p(City, "New York", "Нью-Йорк", &["New York City", "NYC"]),
    p(City, "Los Angeles", "Лос-Анджелес", &[]),
    p(City, "Chicago", "Чикаго", &[]),
    p(City, "San Francisco", "Сан-Франциско", &[]),
    p(City, "Toronto", "Торонто", &[]),
    p(City, "Montreal", "Монреаль", &[]),
    p(City, "São Paulo", "Сан-Паулу", &[]),
    p(City, "Rio de Janeiro", "Рио-де-Жанейро", &[]),
    p(City, "Geneva", "Женева", &[]),
    p(City, "Zurich", "Цюрих", &[]),
    p(City, "Davos", "Давос", &[]),
    p(City, "The Hague", "Гаага", &[]),
    p(City, "Strasbourg", "Страсбург", &[]),
    p(City, "Munich", "Мюнхен", &[]),
    p(City, "Frankfurt", "Франкфурт-на-Майне", &["Frankfurt am Main", "Франкфурт"]),
    p(City, "Hamburg", "Гамбург", &[]),
    p(City, "Milan", "Милан", &[]),
    p(City, "Venice", "Венеция", &[]),
    p(City, "Barcelona", "Барселона", &[]),
    p(City, "St Petersburg", "Санкт-Петербург", &["Saint Petersburg", "Петербург"]),
    p(City, "Kaliningrad", "Калининград", &[]),
    p(City, "Nizhny Novgorod", "Нижний Новгород", &[]),
    p(City, "Kazan", "Казань", &[]),
    p(City, "Volgograd", "Волгоград", &[]),
    p(City, "Sochi", "Сочи", &[]),
    p(City, "Yekaterinburg", "Екатеринбург", &[]),
    p(City, "Novosibirsk", "Новосибирск", &[]),
    p(City, "Vladivostok", "Владивосток", &[]),
    p(City, "Istanbul", "Стамбул", &[]),
    p(City, "Tel Aviv", "Тель-Авив", &[]),
    p(City, "Dubai", "Дубай", &[]),
    p(City, "Jeddah", "Джидда", &[]),
    p(City, "Mecca", "Мекка", &["Makkah"]),
    p(City, "Almaty", "Алматы", &["Алма-Ата"]),
    p(City, "Samarkand", "Самарканд", &[]),
    p(City, "Karachi", "Карачи", &[]),
    p(City, "Mumbai", "Мумбаи", &[]),
    p(City, "Shanghai", "Шанхай", &[]),
    p(City, "Guangzhou", "Гуанчжоу", &[]),
    p(City, "Shenzhen", "Шэньчжэнь", &[]),
    p(City, "Hong Kong", "Гонконг", &[]),
    p(City, "Macau", "Макао", &["Macao"]),
    p(City, "Ho Chi Minh City", "Хошимин", &[]),
    p(City, "Osaka", "Осака", &[]),
    p(City, "Kyoto", "Киото", &[]),
    p(City, "Hiroshima", "Хиросима", &[]),
    p(City, "Sydney", "Сидней", &[]),
    p(City, "Melbourne", "Мельбурн", &[]),
    p(City, "Casablanca", "Касабланка", &[]),
    p(City, "Lagos", "Лагос", &[]),
    p(City, "Johannesburg", "Йоханнесбург", &[]),
    p(City, "Cape Town", "Кейптаун", &[]),
    // Continents.
    p(Continent, "Africa", "Африка", &[]),
    p(Continent, "Antarctica", "Антарктида", &["the Antarctic", "Антарктика"]),
    p(Continent, "Asia", "Азия", &[]),
    p(Continent, "Australia", "Австралия", &[]),
    p(Continent, "Europe", "Европа", &[]),
    p(Continent, "North America", "Северная Америка", &[]),
    p(Continent, "South America", "Южная Америка", &[]),
    // Regions.
    p(Region, "Eurasia", "Евразия", &[]),
    p(Region, "Latin America", "Латинская Америка", &[]),
    p(Region, "Central America", "Центральная Америка", &[]),
    p(Region, "the Caribbean", "Карибский бассейн", &["the West Indies", "Вест-Индия"]),
    p(Region, "Western Europe", "Западная Европа", &[]),
    p(Region, "Eastern Europe", "Восточная Европа", &[]),
    p(Region, "Central Europe", "Центральная Европа", &[]),
    p(Region, "Northern Europe", "Северная Европа", &[]),
    p(Region, "Southern Europe", "Южная Европа", &[]),
    p(Region, "Scandinavia", "Скандинавия", &[]),
    p(Region, "the Baltic states", "Прибалтика", &["the Baltics", "Baltic countries", "страны Балтии"]),
    p(Region, "the Balkans", "Балканы", &["the Balkan Peninsula", "Балканский полуостров"]),
    p(Region, "the Mediterranean", "Средиземноморье", &[]),
    p(Region, "the Caucasus", "Кавказ", &[]),
    p(Region, "the South Caucasus", "Южный Кавказ", &["Transcaucasia", "Закавказье"]),
    p(Region, "the North Caucasus", "Северный Кавказ", &[]),
    p(Region, "the Urals", "Урал", &[]),
    p(Region, "Siberia", "Сибирь", &[]),
    p(Region, "the Far East", "Дальний Восток", &[]),
    p(Region, "the Arctic", "Арктика", &[]),
    p(Region, "the Middle East", "Ближний Восток", &["the Near East"]),
    p(Region, "the Gulf", "Персидский залив", &["the Persian Gulf", "the Gulf region", "the Persian Gulf region"]),
    p(Region, "the Levant", "Левант", &[]),
    p(Region, "Central Asia", "Центральная Азия", &["Средняя Азия"]),
    p(Region, "South Asia", "Южная Азия", &[]),
    p(Region, "Southeast Asia", "Юго-Восточная Азия", &["South-East Asia"]),
    p(Region, "East Asia", "Восточная Азия", &[]),
    p(Region, "Indochina", "Индокитай", &[]),
    p(Region, "the Korean Peninsula", "Корейский полуостров", &[]),
    p(Region, "the Asia-Pacific", "Азиатско-Тихоокеанский регион", &["the Asia-Pacific region", "АТР"]),
    p(Region, "Oceania", "Океания", &[]),
    p(Region, "North Africa", "Северная Африка", &["Northern Africa"]),
    p(Region, "the Maghreb", "Магриб", &[]),
    p(Region, "West Africa", "Западная Африка", &["Western Africa"]),
    p(Region, "East Africa", "Восточная Африка", &["Eastern Africa"]),
    p(Region, "Central Africa", "Центральная Африка", &[]),
    p(Region, "Southern Africa", "Южная Африка", &[]),
    p(Region, "the Horn of Africa", "Африканский Рог", &[]),
    p(Region, "the Sahel", "Сахель", &[]),
    p(Region, "Sub-Saharan Africa", "Африка южнее Сахары", &["Африка к югу от Сахары"]),
];

/// Language names, English and Russian: the six official languages of the UN first, then
/// others by number of speakers and prominence.
#[rustfmt::skip]
pub const LANGUAGES: &[(&str, &str)] = &[
    ("English", "английский"), ("Russian", "русский"), ("Chinese", "китайский"),
    ("French", "французский"), ("Spanish", "испанский"), ("Arabic", "арабский"),
    ("Hindi", "хинди"), ("Portuguese", "португальский"), ("Bengali", "бенгальский"),
    ("Japanese", "японский"), ("German", "немецкий"), ("Urdu", "урду"),
    ("Indonesian", "индонезийский"), ("Turkish", "турецкий"), ("Korean", "корейский"),
    ("Vietnamese", "вьетнамский"), ("Italian", "итальянский"), ("Persian", "персидский"),
    ("Swahili", "суахили"), ("Tamil", "тамильский"), ("Thai", "тайский"),
    ("Polish", "польский"), ("Ukrainian", "украинский"), ("Malay", "малайский"),
    ("Dutch", "нидерландский"), ("Greek", "греческий"), ("Hebrew", "иврит"),
    ("Romanian", "румынский"), ("Hungarian", "венгерский"), ("Czech", "чешский"),
    ("Swedish", "шведский"), ("Finnish", "финский"), ("Norwegian", "норвежский"),
    ("Danish", "датский"), ("Serbian", "сербский"), ("Bulgarian", "болгарский"),
    ("Belarusian", "белорусский"), ("Kazakh", "казахский"), ("Uzbek", "узбекский"),
    ("Tatar", "татарский"), ("Armenian", "армянский"), ("Georgian", "грузинский"),
    ("Azerbaijani", "азербайджанский"), ("Mongolian", "монгольский"), ("Latin", "латинский"),
];

impl Place {
    /// Whether English writes it with `the` (`the United States`, not `Russia`).
    pub fn takes_the(&self) -> bool {
        self.en.to_lowercase().starts_with("the ")
    }

    /// The name in English or Russian.
    pub fn name(&self, russian: bool) -> &'static str {
        if russian { self.ru } else { self.en }
    }

    /// All the place's names: English, Russian, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        iter::once(self.en)
            .chain(iter::once(self.ru))
            .chain(self.aliases.iter().copied())
    }

    /// Whether `name` is one of this place's names (same normalisation as [`find_place`]).
    pub fn is_named(&self, name: &str) -> bool {
        let key = normalize(name);
        self.names().any(|n| normalize(n) == key)
    }
}

/// The place a name refers to: compared case-insensitively, ignoring a leading "the ",
/// surrounding punctuation and runs of spaces; English, Russian and aliases all match.
/// `None` if unknown.
///
/// Also ignored: full stops (`U.S.`, `St. Petersburg`), commas, hyphens and dashes against
/// spaces (`Washington, DC`), the kind of apostrophe, `ё` against `е`, and accents on Latin
/// letters (`Cote d'Ivoire`, `Sao Paulo`). A name of two places (`Australia`) gives the one
/// first in table order, the country; see [`find_places`].
pub fn find_place(name: &str) -> Option<&'static Place> {
    index().get(&normalize(name)).and_then(|&i| PLACES.get(i))
}

/// All places a name refers to, in table order (two for `Australia`: the country and the
/// continent); normalised as in [`find_place`].
pub fn find_places(name: &str) -> impl Iterator<Item = &'static Place> + use<> {
    let all: &'static [usize] = all_index().get(&normalize(name)).map_or(&[], Vec::as_slice);
    all.iter().filter_map(|&i| PLACES.get(i))
}

/// Whether `name` is the name of a language (English or Russian, case-insensitive; Russian
/// also in the form "русский язык", English also as "the Russian language").
pub fn is_language(name: &str) -> bool {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        LANGUAGES
            .iter()
            .flat_map(|&(en, ru)| [normalize(en), normalize(ru)])
            .collect()
    });
    let key = normalize(name);
    let key = key
        .strip_suffix(" language")
        .or_else(|| key.strip_suffix(" язык"))
        .or_else(|| key.strip_prefix("язык "))
        .unwrap_or(key.as_str());
    names.contains(key)
}

/// Language names in English (`russian == false`) or Russian, in table order.
pub fn language_names(russian: bool) -> impl Iterator<Item = &'static str> {
    LANGUAGES
        .iter()
        .map(move |&(en, ru)| if russian { ru } else { en })
}

/// The places of a kind, in table order.
pub fn places_of(kind: PlaceKind) -> impl Iterator<Item = &'static Place> {
    PLACES.iter().filter(move |place| place.kind == kind)
}

/// Whether a place is among those named most in texts on international affairs: the
/// permanent members of the Security Council and the other members of the G20, and their
/// capitals. Wrong options are drawn from these first, as they are the plausible ones.
pub fn is_prominent(place: &Place) -> bool {
    const PROMINENT: &[&str] = &[
        "China",
        "France",
        "Russia",
        "the United Kingdom",
        "the United States",
        "Argentina",
        "Australia",
        "Brazil",
        "Canada",
        "Germany",
        "India",
        "Indonesia",
        "Italy",
        "Japan",
        "Mexico",
        "Saudi Arabia",
        "South Africa",
        "South Korea",
        "Türkiye",
        "Beijing",
        "Paris",
        "Moscow",
        "London",
        "Washington",
        "Buenos Aires",
        "Canberra",
        "Brasília",
        "Ottawa",
        "Berlin",
        "New Delhi",
        "Jakarta",
        "Rome",
        "Tokyo",
        "Mexico City",
        "Riyadh",
        "Pretoria",
        "Seoul",
        "Ankara",
    ];
    matches!(place.kind, Country | City) && PROMINENT.contains(&place.en)
}

/// Whether a city is a national capital: the table lists the capitals first, then other
/// cities from New York on.
pub fn is_capital(place: &Place) -> bool {
    static CAPITALS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let capitals = CAPITALS.get_or_init(|| {
        PLACES
            .iter()
            .filter(|p| p.kind == City)
            .take_while(|p| p.en != "New York")
            .map(|p| p.en)
            .collect()
    });
    place.kind == City && capitals.contains(place.en)
}

/// `name` without a leading "the " (any case): "the United States" → "United States".
pub fn without_article(name: &str) -> &str {
    let trimmed = name.trim_start();
    match trimmed.split_at_checked(3) {
        Some((head, rest))
            if head.eq_ignore_ascii_case("the") && rest.starts_with(char::is_whitespace) =>
        {
            rest.trim_start()
        }
        _ => name,
    }
}

/// Normalised name → indexes in [`PLACES`] of every place with that name.
fn all_index() -> &'static HashMap<String, Vec<usize>> {
    static INDEX: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, place) in PLACES.iter().enumerate() {
            for name in place.names() {
                let places = map.entry(normalize(name)).or_default();
                if !places.contains(&i) {
                    places.push(i);
                }
            }
        }
        map
    })
}

/// Normalised name → index in [`PLACES`] of the first place with that name.
fn index() -> &'static HashMap<String, usize> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::default();
        for (i, place) in PLACES.iter().enumerate() {
            for name in place.names() {
                map.entry(normalize(name)).or_insert(i);
            }
        }
        map
    })
}

/// The form names are compared in: lower case, Latin accents and `ё` folded, full stops
/// dropped, commas, hyphens and dashes made spaces, apostrophes made `'`, runs of spaces
/// made one, punctuation around trimmed, and a leading "the " dropped.
fn normalize(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            '.' => {}
            ',' | '-' | '‐' | '‑' | '–' | '—' | '_' => folded.push(' '),
            '’' | '‘' | 'ʼ' | '`' | '´' => folded.push('\''),
            'ё' => folded.push('е'),
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ă' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'í' | 'ì' | 'î' | 'ï' => folded.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => folded.push('o'),
            'ú' | 'ù' | 'û' | 'ü' => folded.push('u'),
            'ç' => folded.push('c'),
            'ñ' => folded.push('n'),
            'ș' | 'ş' => folded.push('s'),
            'ț' | 'ţ' => folded.push('t'),
            c => folded.push(c),
        }
    }
    let spaced = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = spaced.trim_matches(|c: char| !c.is_alphanumeric());
    without_article(trimmed).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_come_first() {
        let capital = |name| find_place(name).is_some_and(is_capital);
        assert!(capital("Moscow") && capital("Washington") && capital("Beijing"));
        assert!(!capital("New York") && !capital("Geneva") && !capital("Shanghai"));
        assert!(!capital("Russia"));
    }
    use std::collections::{HashMap, HashSet};

    fn en_of(name: &str) -> Option<&'static str> {
        find_place(name).map(|place| place.en)
    }

    fn kind_of(name: &str) -> Option<PlaceKind> {
        find_place(name).map(|place| place.kind)
    }

    #[test]
    fn finds_english_russian_and_aliases() {
        assert_eq!(en_of("Moscow"), Some("Moscow"));
        assert_eq!(en_of("москва"), Some("Moscow"));
        assert_eq!(en_of("МОСКВА"), Some("Moscow"));
        assert_eq!(en_of("the United States"), Some("the United States"));
        assert_eq!(en_of("United States"), Some("the United States"));
        assert_eq!(en_of("THE UNITED STATES"), Some("the United States"));
        assert_eq!(en_of("  the   united  states. "), Some("the United States"));
        assert_eq!(en_of("(the United States)"), Some("the United States"));
        assert_eq!(en_of("USA"), Some("the United States"));
        assert_eq!(en_of("U.S."), Some("the United States"));
        assert_eq!(en_of("США"), Some("the United States"));
        assert_eq!(
            en_of("Соединённые Штаты Америки"),
            Some("the United States")
        );
        assert_eq!(en_of("Russia"), Some("Russia"));
        assert_eq!(en_of("the Russian Federation"), Some("Russia"));
        assert_eq!(en_of("Российская Федерация"), Some("Russia"));
        assert_eq!(en_of("Китай"), Some("China"));
        assert_eq!(en_of("Latin America"), Some("Latin America"));
        assert_eq!(en_of("Asia"), Some("Asia"));
        assert_eq!(en_of("Washington, D.C."), Some("Washington"));
        assert_eq!(en_of("Washington DC"), Some("Washington"));
        assert_eq!(en_of("Washington, DC"), Some("Washington"));
        assert_eq!(en_of("St. Petersburg"), Some("St Petersburg"));
        assert_eq!(en_of("Saint Petersburg"), Some("St Petersburg"));
        assert_eq!(en_of("Санкт-Петербург"), Some("St Petersburg"));
        assert_eq!(en_of("Ivory Coast"), Some("Côte d'Ivoire"));
        assert_eq!(en_of("Cote d’Ivoire"), Some("Côte d'Ivoire"));
        assert_eq!(en_of("Кот-д'Ивуар"), Some("Côte d'Ivoire"));
        assert_eq!(en_of("Turkey"), Some("Türkiye"));
        assert_eq!(en_of("Turkiye"), Some("Türkiye"));
        assert_eq!(en_of("the Czech Republic"), Some("Czechia"));
        assert_eq!(en_of("Burma"), Some("Myanmar"));
        assert_eq!(en_of("DPRK"), Some("North Korea"));
        assert_eq!(en_of("Republic of Korea"), Some("South Korea"));
        assert_eq!(en_of("Swaziland"), Some("Eswatini"));
        assert_eq!(en_of("UAE"), Some("the United Arab Emirates"));
        assert_eq!(
            en_of("DR Congo"),
            Some("the Democratic Republic of the Congo")
        );
        assert_eq!(
            en_of("Republic of the Congo"),
            Some("the Republic of the Congo")
        );
        assert_eq!(en_of("Great Britain"), Some("the United Kingdom"));
        assert_eq!(en_of("Папуа-Новая Гвинея"), Some("Papua New Guinea"));
        assert_eq!(en_of("Sao Paulo"), Some("São Paulo"));
        assert_eq!(en_of("The Hague"), Some("The Hague"));
        assert_eq!(en_of("the hague"), Some("The Hague"));
        assert_eq!(en_of("Беларусь"), Some("Belarus"));
        assert_eq!(en_of("Кишинёв"), Some("Chișinău"));
        assert_eq!(en_of("Chisinau"), Some("Chișinău"));
        assert_eq!(en_of("Southeast Asia"), Some("Southeast Asia"));
        assert_eq!(en_of("South East Asia"), Some("Southeast Asia"));
    }

    #[test]
    fn unknown_names_are_none() {
        for name in [
            "",
            "the",
            "  ",
            "Atlantis",
            "America",
            "Congo",
            "Russian",
            "русский",
        ] {
            assert_eq!(en_of(name), None, "{name:?}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("Russia"), Some(Country));
        assert_eq!(kind_of("the Holy See"), Some(Country));
        assert_eq!(kind_of("Palestine"), Some(Country));
        assert_eq!(kind_of("Kosovo"), Some(Country));
        assert_eq!(kind_of("Taiwan"), Some(Country));
        assert_eq!(kind_of("Moscow"), Some(City));
        assert_eq!(kind_of("Hong Kong"), Some(City));
        assert_eq!(kind_of("Geneva"), Some(City));
        assert_eq!(kind_of("Europe"), Some(Continent));
        assert_eq!(kind_of("Antarctica"), Some(Continent));
        assert_eq!(kind_of("Oceania"), Some(Region));
        assert_eq!(kind_of("the Middle East"), Some(Region));
        assert_eq!(kind_of("Ближний Восток"), Some(Region));
        assert_eq!(kind_of("Eurasia"), Some(Region));
    }

    #[test]
    fn australia_is_a_country_and_a_continent() {
        assert_eq!(kind_of("Australia"), Some(Country));
        let kinds: Vec<PlaceKind> = find_places("Австралия").map(|place| place.kind).collect();
        assert_eq!(kinds, [Country, Continent]);
    }

    #[test]
    fn counts() {
        assert_eq!(places_of(Country).count(), 197);
        assert_eq!(places_of(Continent).count(), 7);
        assert!(places_of(Region).count() >= 30);
        assert!(places_of(City).count() >= 150);
        assert_eq!(
            places_of(Country).next().map(|place| place.en),
            Some("Afghanistan")
        );
    }

    #[test]
    fn names_are_well_formed() {
        let cyrillic = |c: char| matches!(c, 'А'..='я' | 'ё' | 'Ё');
        for place in PLACES {
            for name in place.names() {
                assert!(!normalize(name).is_empty(), "{name:?}");
                assert_eq!(name.trim(), name, "{name:?}");
                assert!(!name.contains("  "), "{name:?}");
                let has_cyrillic = name.chars().any(cyrillic);
                let has_latin = name.chars().any(|c| c.is_alphabetic() && !cyrillic(c));
                assert!(has_cyrillic != has_latin, "mixed or no script: {name:?}");
            }
            assert!(!place.en.chars().any(cyrillic), "{:?}", place.en);
            assert!(place.ru.chars().any(cyrillic), "{:?}", place.ru);
            assert!(!place.ru.contains('ё'), "{:?}", place.ru);
            assert!(
                place.aliases.iter().all(|alias| !alias.contains('ё')),
                "{place:?}"
            );
            assert!(
                !place.en.starts_with("The ") || place.en == "The Hague",
                "{:?}",
                place.en
            );
        }
    }

    #[test]
    fn names_are_unique() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut shared = Vec::new();
        for place in PLACES {
            for name in place.names() {
                if let Some(first) = seen.insert(normalize(name), place.en) {
                    shared.push((first, place.en, name));
                }
            }
        }
        // The only name of two places: Australia, the country and the continent.
        assert_eq!(
            shared,
            [
                ("Australia", "Australia", "Australia"),
                ("Australia", "Australia", "Австралия")
            ]
        );
    }

    #[test]
    fn is_named() {
        let Some(us) = find_place("США") else {
            panic!("США")
        };
        assert!(us.is_named("the united states of america"));
        assert!(us.is_named("US"));
        assert!(!us.is_named("UK"));
        assert_eq!(us.name(false), "the United States");
        assert_eq!(us.name(true), "США");
        assert_eq!(us.names().count(), 7);
    }

    #[test]
    fn languages() {
        for name in [
            "Russian",
            "russian",
            "Русский",
            "русский язык",
            "Русский язык.",
            "язык хинди",
            "the English language",
            "Chinese",
            "иврит",
            "Swahili",
        ] {
            assert!(is_language(name), "{name:?}");
        }
        for name in [
            "Russia",
            "Россия",
            "язык",
            "language",
            "",
            "Moscow",
            "Klingon",
        ] {
            assert!(!is_language(name), "{name:?}");
        }
        let first: Vec<&str> = language_names(false).take(6).collect();
        assert_eq!(
            first,
            [
                "English", "Russian", "Chinese", "French", "Spanish", "Arabic"
            ]
        );
        assert_eq!(language_names(true).nth(1), Some("русский"));
        assert!(LANGUAGES.len() >= 40);
        let mut names = HashSet::new();
        for (en, ru) in LANGUAGES {
            assert!(names.insert(normalize(en)), "{en}");
            assert!(names.insert(normalize(ru)), "{ru}");
            assert!(find_place(en).is_none() && find_place(ru).is_none(), "{en}");
        }
    }

    #[test]
    fn strips_the_article() {
        assert_eq!(without_article("the United States"), "United States");
        assert_eq!(without_article("The Hague"), "Hague");
        assert_eq!(without_article("THE  Gambia"), "Gambia");
        assert_eq!(without_article("Thessaloniki"), "Thessaloniki");
        assert_eq!(without_article("Russia"), "Russia");
        assert_eq!(without_article("the"), "the");
        assert_eq!(without_article("Москва"), "Москва");
        assert_eq!(without_article(""), "");
    }
}
