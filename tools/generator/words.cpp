// The generator's word lists. See words.h.
#include "tools/generator/words.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace planparse::gen::words {

const std::vector<std::string> en_months = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
const std::vector<std::string> ru_months_nominative = {"январь", "февраль", "март",     "апрель",  "май",    "июнь",
                                                       "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
const std::vector<std::string> ru_months_genitive = {"января", "февраля", "марта",     "апреля",  "мая",    "июня",
                                                     "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
const std::vector<std::string> ru_months_prepositional = {"январе", "феврале", "марте",    "апреле",  "мае",    "июне",
                                                          "июле",   "августе", "сентябре", "октябре", "ноябре", "декабре"};
const std::vector<std::string> kk_months_nominative = {"қаңтар", "ақпан", "наурыз",   "сәуір", "мамыр",  "маусым",
                                                       "шілде",  "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"};
const std::vector<std::string> kk_months_dative = {"қаңтарға", "ақпанға", "наурызға",   "сәуірге", "мамырға",  "маусымға",
                                                   "шілдеге",  "тамызға", "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға"};
const std::vector<std::string> kk_months_locative = {"қаңтардағы", "ақпандағы", "наурыздағы",   "сәуірдегі", "мамырдағы",
                                                     "маусымдағы", "шілдедегі", "тамыздағы",    "қыркүйектегі",
                                                     "қазандағы",  "қарашадағы", "желтоқсандағы"};

const Language& english() {
  static const Language lang = [] {
    Language l;
    l.code = "en";
    l.name_heads = {"Development of", "Preparation of",   "Improvement of", "Introduction of", "Analysis of",   "Monitoring of",
                    "Creation of",    "Review of",        "Strengthening of", "Expansion of",  "Modernisation of", "Evaluation of"};
    l.name_objects = {"the legal framework",   "mechanisms",          "the system of support",      "national standards",
                      "training programmes",   "information systems", "administrative procedures", "methodological guidelines",
                      "public consultations",  "the network of centres"};
    l.name_links = {"for", "in the field of", "aimed at", "concerning"};
    l.topics = {"water supply in rural areas",   "protection of consumer rights", "support for small businesses",
                "access to public services",     "road safety",                   "environmental monitoring",
                "digital literacy of the population", "the quality of school education", "youth employment",
                "cultural heritage sites",       "waste management",              "public transport in cities",
                "prevention of floods",          "tourism in mountain regions"};
    l.items = {"preparation of a draft concept", "consultations with experts",  "a review of international practice",
               "amendments to the regulations",  "training of specialists",     "a public information campaign",
               "pilot projects in the regions"};
    l.outcomes = {"Report to the Government",   "Draft law",                "Information to the ministry",
                  "Joint order",                "Proposals to the Government", "Analytical report",
                  "Order of the minister",      "Methodological recommendations", "Commissioning act",
                  "Information to the Presidential Administration", "Government resolution", "Training seminars"};
    l.section_titles = {"Infrastructure and utilities", "Digital services", "Social protection", "Education and science",
                        "Environment and natural resources", "Legal framework", "Transport and logistics", "Health care",
                        "Regional development", "Public administration"};
    l.intro_openings = {"In accordance with the Strategy of Regional Development, the Government of the Republic approved this plan",
                        "The Government of the Republic approved the plan of measures",
                        "Pursuant to the Concept of Public Administration Reform, the plan was adopted",
                        "This plan continues the work of the ministries and the regions"};
    l.intro_closings = {"and the ministries shall report on its implementation twice a year.",
                        "with the participation of the regions.", "to be implemented in stages."};
    l.number_headers = {"No.", "No", "#", "Nr.", "Item", "S/N", "Ser. No."};
    l.name_headers = {"Name", "Activity", "Measure", "Name of activity", "Activities", "Name of the measure",
                      "Content of the activity", "What will be done", "Intervention"};
    l.outcome_headers = {"Outcome", "Form of completion", "Expected result", "Deliverable", "Completion form",
                         "Expected outcome", "What result", "Means of verification"};
    l.deadline_headers = {"Deadline", "Implementation timeframe", "Timeframe", "Due date", "Terms of implementation", "Timing",
                          "Implementation period", "Timeline", "By when"};
    l.agency_headers = {"Agencies in charge", "Responsible agencies", "Responsible executors", "Lead agencies",
                        "Responsible", "Lead agency", "Responsible for implementation", "Who is responsible",
                        "Implementing body", "Who is accountable"};
    l.unknown_headers = {"Indicator", "Key indicator", "Performance indicator"};
    l.unknown_cells = {"at least 80 %", "growth of 5 %", "12 districts covered", "100 % of schools"};
    l.bodies = {{"MWR", "Ministry of Water Resources of the Republic", ""},
                {"MTS", "Ministry of Tourism and Sports", ""},
                {"MDI", "Ministry of Digital Infrastructure", ""},
                {"MEP", "Ministry of Environmental Protection", ""},
                {"MPH", "Ministry of Public Health", ""},
                {"MLE", "Ministry of Labour and Employment", ""},
                {"MTR", "Ministry of Transport and Roads", ""},
                {"MAG", "Ministry of Agriculture", ""},
                {"MFN", "Ministry of Finance", ""},
                {"MEC", "Ministry of Economy and Commerce", ""},
                {"MSE", "Ministry of Science and Education", ""},
                {"MCY", "Ministry of Culture and Youth", ""},
                {"MJU", "Ministry of Justice", ""},
                {"MIN", "Ministry of the Interior", ""},
                {"MEN", "Ministry of Energy", ""},
                {"MFA", "Ministry of Foreign Affairs", ""},
                {"ACS", "Agency for Civil Service", ""},
                {"ASR", "Agency for Statistics and Reporting", ""},
                {"ACP", "Agency for Competition Protection", ""},
                {"NBR", "National Bank of the Republic", ""},
                {"PPO", "Prosecutor General's Office", ""},
                {"AUD", "Supreme Audit Chamber", ""},
                {"LEA", "local executive authorities", ""},
                {"SCS", "State Corporation “Citizen Services”", "“Citizen Services”"},
                {"NCC", "National Chamber of Commerce “Alliance”", "“Alliance”"},
                {"NITO", "joint-stock company “National IT Operator”", "“National IT Operator”"},
                {"AR&D", "Agency for Research & Development", ""},
                {"MoH", "Ministry of Housing", ""},
                {"EXPO-2030", "Directorate of the exhibition EXPO 2030", ""}};
    l.markers = {"(as agreed)",  "(as agreed)",      "(upon agreement)", "(by agreement)",
                 "(if agreed)", "(upon their consent)", "(in agreement)", "(if they agree)"};
    l.then_words = {", thereafter ", ", then ", " – thereafter "};
    l.then_recurrences = {{"annually", Recurrence::annual}, {"quarterly", Recurrence::quarterly}, {"monthly", Recurrence::monthly}};
    l.abbreviation_notes = {"(in agreement with %s)", "(jointly with %s)", "(summary)"};
    l.abbreviation_words = {"of regions", "of districts"};
    l.bare_markers = {"as agreed"};
    l.all_markers = {"(all as agreed)", "(all upon agreement)", "(all by agreement)"};
    l.both_markers = {"(both as agreed)", "(both upon agreement)"};
    l.head_names = {"Department of Trade", "Department of Tourism", "Department of Education", "Department of Culture"};
    l.written_out = {"Academy of Public Administration under the President",
                     "Institute of Legislation under the Ministry of Justice", "Centre for Human Rights under the Ombudsman",
                     "Council of Young Scientists", "Union of Municipalities",
                     // Fields listed before the owner: one name.
                     "Department of Physical Culture, Culture and Sports of the akimat",
                     "Department of Tourism and Sport of the city akimat"};
    l.group_phrases = {"quasi-state organizations", "national companies", "local executive bodies", "central state bodies",
                       "regional akimats", "akims of districts",
                       // Adjectives joined by "and" before one noun (stop 33): one group.
                       "central and local executive bodies"};
    l.joined_groups = {"other interested government agencies", "other central bodies", "other concerned organizations",
                       "all interested parties", "other interested government agencies and organizations"};
    l.conjunction = "and";
    l.number_sign = "#";
    l.joining_words = {"jointly with", "together with", "with the participation of", "in collaboration with"};
    l.section_prefix = "Section";
    l.ordinal_headings = {"{n} block: ", "{w} phase: ", "Stage {d} – ", "{n} part. "};
    l.ordinal_words = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"};
    l.notes = {"Note: the activities are funded from the local budget.", "Note: the lead agency is listed first."};
    l.glossary_headings = {"Abbreviations:", "Note: Abbreviations:", "List of abbreviations", "Decoding of abbreviations",
                           "Note: list of abbreviations:", "Abbreviations used:", "Acronyms", "Short forms used:"};
    l.glossary_table_heads = {{"Abbreviation", "Full name"}, {"Abbreviation", "Meaning"}};
    l.published_words = {"Publication date", "Date of publication"};
    l.other_headers = {"Expected costs", "Sources of funding", "Notes"};
    l.two_level_parents = {"Funding, million tenge", "Expected costs"};
    l.two_level_subs = {"total", "first year", "second year"};
    l.other_cells = {"not required", "state budget", "local budget", "12.5", "within the allocated funds"};
    l.legal_forms = {"JSC", "LLP", "NJSC", "RSE"};
    l.legal_names = {"Digital Solutions Centre", "Steppe Water", "Regional Development Agency", "Northern Grid",
                     "Urban Planning Institute"};
    l.legal_names_separated = {"Centre for Enterprise, Innovation and Export", "Institute of Ecology, Water and Climate",
                               "Science and Innovation", "Roads / Bridges"};
    l.legal_names_unquoted = {"Steppe Water", "Northern Grid", "Valley Heat"};
    l.quotes = {{"“", "”"}, {"“", "”"}, {"\"", "\""}};
    l.recurrences = {{"annually", Recurrence::annual},         {"quarterly", Recurrence::quarterly},         {"semi-annually", Recurrence::semiannual}, {"biannually", Recurrence::semiannual},
                     {"monthly", Recurrence::monthly},         {"on an ongoing basis", Recurrence::ongoing}, {"on a permanent basis", Recurrence::ongoing},
                     {"every year", Recurrence::annual},       {"twice a year", Recurrence::semiannual},     {"on a quarterly basis", Recurrence::quarterly}};
    l.recurrence_phrases = {{"once a year", Recurrence::annual},
                            {"once a quarter", Recurrence::quarterly},
                            {"Every quarter", Recurrence::quarterly},
                            {"quarterly, by the 10th day of the month following the reporting quarter", Recurrence::quarterly}};
    return l;
  }();
  return lang;
}

const Language& russian() {
  static const Language lang = [] {
    Language l;
    l.code = "ru";
    l.name_heads = {"Разработка", "Подготовка", "Совершенствование", "Внедрение", "Анализ", "Мониторинг",
                    "Создание",   "Проведение", "Расширение",        "Обеспечение"};
    l.name_objects = {"механизмов",        "нормативной правовой базы", "системы поддержки",        "национальных стандартов",
                      "программ обучения", "информационных систем",     "административных процедур", "методических рекомендаций"};
    l.name_links = {"в сфере", "по вопросам", "для развития", "в области"};
    l.topics = {"водоснабжения сельских населенных пунктов", "защиты прав потребителей", "поддержки малого бизнеса",
                "доступа к государственным услугам",        "безопасности дорожного движения", "экологического мониторинга",
                "цифровой грамотности населения",           "качества школьного образования", "занятости молодежи",
                "объектов культурного наследия",            "обращения с отходами",        "общественного транспорта",
                "предупреждения паводков",                  "туризма в горных регионах"};
    l.items = {"подготовка проекта концепции", "консультации с экспертами", "изучение международного опыта",
               "внесение изменений в правила", "обучение специалистов",     "информационная кампания в регионах"};
    l.outcomes = {"Информация в Правительство", "Проект закона",          "Совместный приказ",   "Предложения в Правительство",
                  "Аналитический отчет",        "Приказ министра",        "Методические рекомендации",
                  "Акт ввода в эксплуатацию",   "Постановление Правительства", "Обучающие семинары"};
    l.section_titles = {"Инфраструктура и коммунальные услуги", "Цифровые услуги", "Социальная защита",
                        "Образование и наука", "Окружающая среда и природные ресурсы", "Правовое обеспечение",
                        "Транспорт и логистика", "Здравоохранение", "Региональное развитие", "Государственное управление"};
    l.intro_openings = {"В соответствии со Стратегией регионального развития Правительство утвердило настоящий план",
                        "План мероприятий утвержден", "Во исполнение Концепции реформы государственного управления план принят",
                        "Настоящий план продолжает работу министерств и регионов"};
    l.intro_closings = {"и министерства представляют информацию о его исполнении два раза в год.",
                        "с участием регионов.", "для поэтапной реализации."};
    // "N п/п" with a Latin N, as typists write it.
    l.number_headers = {"№ п/п", "№", "N п/п", "№п/п", "№ п.п.", "№ пп"};
    l.name_headers = {"Наименование мероприятия", "Наименование", "Мероприятие", "Содержание мероприятия",
                      "Наименование мероприятий", "Мероприятия", "Что сделать"};
    l.outcome_headers = {"Форма завершения", "Ожидаемый результат", "Форма завершения мероприятия", "Ожидаемые результаты",
                         "Чем завершится", "Вид отчетного документа", "Чем подтверждается исполнение"};
    l.deadline_headers = {"Сроки исполнения", "Срок исполнения", "Сроки", "Срок", "Срок выполнения", "Сроки реализации", "Когда"};
    l.agency_headers = {"Ответственные исполнители", "Ответственные за исполнение", "Исполнители", "Ответственные",
                        "Ответственный за исполнение", "Ответственный исполнитель", "Кто отвечает"};
    l.unknown_headers = {"Индикатор", "Показатель", "Целевой показатель"};
    l.unknown_cells = {"не менее 80 %", "рост на 5 %", "охват 12 районов", "100 % школ"};
    l.bodies = {{"МВР", "Министерство водных ресурсов Республики", ""},
                {"МТС", "Министерство туризма и спорта", ""},
                {"МЦИ", "Министерство цифровой инфраструктуры", ""},
                {"МОП", "Министерство охраны природы", ""},
                {"МЗО", "Министерство здравоохранения", ""},
                {"МТЗ", "Министерство труда и занятости", ""},
                {"МТД", "Министерство транспорта и дорог", ""},
                {"МСХ", "Министерство сельского хозяйства", ""},
                {"МФН", "Министерство финансов", ""},
                {"МЭТ", "Министерство экономики и торговли", ""},
                {"МНО", "Министерство науки и образования", ""},
                {"МКМ", "Министерство культуры и молодежи", ""},
                {"МЮС", "Министерство юстиции", ""},
                {"МВН", "Министерство внутренних дел", ""},
                {"МЭН", "Министерство энергетики", ""},
                {"МИД", "Министерство иностранных дел", ""},
                {"МЗ РК", "Министерство здравоохранения Республики Казахстан", ""},
                {"АГС", "Агентство по делам государственной службы", ""},
                {"АСО", "Агентство по статистике и отчетности", ""},
                {"АЗК", "Агентство по защите конкуренции", ""},
                {"НБР", "Национальный банк Республики", ""},
                {"ГПР", "Генеральная прокуратура", ""},
                {"ВАП", "Высшая аудиторская палата", ""},
                {"ГКО", "Государственная корпорация «Открытое правительство»", "«Открытое правительство»"},
                {"НПП", "Национальная палата предпринимателей «Союз»", "«Союз»"},
                {"НИИ-2", "Научно-исследовательский институт № 2", ""}};
    l.markers = {"(по согласованию)", "(по согласованию)", "(по согл.)", "(при согласовании)"};
    l.then_words = {", далее ", ", в дальнейшем ", ", далее – "};
    l.then_recurrences = {{"ежегодно", Recurrence::annual}, {"ежеквартально", Recurrence::quarterly}, {"ежемесячно", Recurrence::monthly}};
    l.abbreviation_notes = {"(по согласованию с %s)", "(совместно с %s)", "(свод)"};
    l.abbreviation_words = {"областей", "районов", "области"};
    l.bare_markers = {"по согласованию"};
    l.all_markers = {"(все – по согласованию)", "(все по согласованию)", "(все - по согласованию)"};
    l.both_markers = {"(оба – по согласованию)"};
    l.head_names = {"отдел торговли", "отдел туризма", "управление финансов", "отдел образования", "управление культуры"};
    l.written_out = {"Академия государственного управления при Президенте", "Институт законодательства при Министерстве юстиции",
                     "Центр по правам человека при Уполномоченном", "Совет молодых ученых", "Союз муниципалитетов",
                     // Adjectives sharing the noun after them across commas (P17): one name.
                     "Северный, Западный отделы полиции",
                     "управление физической культуры, культуры и спорта акимата области"};
    l.group_phrases = {"квазигосударственные организации", "местные исполнительные органы",
                       "центральные государственные органы", "акиматы областей, городов Астаны, Алматы и Шымкента",
                       "субъекты квазигосударственного сектора", "районные акиматы", "акимы районов и городов",
                       // A plural head and adjectives sharing it across a comma (P17): one group.
                       "Администрации Северного, Южного районов",
                       // Adjectives joined by "и" before one noun, and a neuter plural in "-ения" (stop 33).
                       "центральные и местные исполнительные органы", "областные управления здравоохранения"};
    l.joined_groups = {"другие заинтересованные государственные органы", "иные центральные государственные органы",
                       "другие заинтересованные организации", "другие заинтересованные государственные органы и организации"};
    l.conjunction = "и";
    l.number_sign = "№";
    l.joining_words = {"совместно с", "при участии", "с участием", "во взаимодействии с"};
    l.section_prefix = "Раздел";
    l.ordinal_headings = {"{n} часть. ", "{w} часть. ", "Этап {d}. "};
    l.ordinal_words = {"Первая", "Вторая", "Третья", "Четвертая", "Пятая", "Шестая", "Седьмая", "Восьмая", "Девятая", "Десятая"};
    l.notes = {"Примечание: мероприятия финансируются за счет средств местного бюджета.",
               "Примечание: головной исполнитель указан первым."};
    l.glossary_headings = {"Примечание: расшифровка аббревиатур:", "Расшифровка аббревиатур:", "Список сокращений:",
                           "Принятые сокращения:", "Список используемых сокращений", "Перечень аббревиатур",
                           "Сокращенные наименования:"};
    l.glossary_table_heads = {{"Аббревиатура", "Расшифровка"}, {"Сокращение", "Полное наименование"}};
    l.published_words = {"Дата публикации"};
    l.other_headers = {"Предполагаемые расходы (млн. тенге)", "Источники финансирования"};
    l.two_level_parents = {"Объем финансирования, млн тенге", "Предполагаемые расходы"};
    l.two_level_subs = {"всего", "1-й год", "2-й год"};
    l.other_cells = {"не требуется", "республиканский бюджет", "местный бюджет", "12,5", "в пределах выделенных средств"};
    l.legal_forms = {"АО", "ТОО", "НАО", "РГП на ПХВ", "ГКП на ПХВ", "РГУ", "ГУ", "КГУ", "КГП"};
    l.legal_names = {"Центр цифровых решений", "Степной водоканал", "Институт городского планирования", "Дорожный фонд",
                     "Агентство регионального развития", "Северная энергосеть"};
    l.legal_names_separated = {"Центр поддержки предпринимательства, инноваций и экспорта",
                               "Институт экологии, водных ресурсов и климата", "Наука и инновации", "Дороги / Мосты"};
    l.legal_names_unquoted = {"Степной Водоканал", "Северная Энергосеть", "Долинное Теплоснабжение"};
    l.legal_names_nested = {"Холдинг «Цифровые решения»", "Фонд «Зеленая степь»"};
    l.quotes = {{"«", "»"}, {"«", "»"}, {"“", "”"}, {"\"", "\""}};
    l.recurrences = {{"ежегодно", Recurrence::annual},   {"ежеквартально", Recurrence::quarterly}, {"постоянно", Recurrence::ongoing},
                     {"ежемесячно", Recurrence::monthly}, {"два раза в год", Recurrence::semiannual}, {"на постоянной основе", Recurrence::ongoing}};
    l.recurrence_phrases = {{"ежеквартально, до 10 числа месяца, следующего за отчетным", Recurrence::quarterly},
                            {"ежемесячно, до 5 числа месяца, следующего за отчетным", Recurrence::monthly},
                            {"ежегодно, до 20 января года, следующего за отчетным", Recurrence::annual},
                            {"1 раз в квартал", Recurrence::quarterly},
                            {"один раз в год", Recurrence::annual},
                            {"раз в полугодие", Recurrence::semiannual}};
    return l;
  }();
  return lang;
}

// Kazakh puts the topic first and the verbal noun last ("... саласындағы нормативтік базаны
// әзірлеу"), and the quoted proper name before an abbreviation ("«Ашық үкімет» АҮК").
const Language& kazakh() {
  static const Language lang = [] {
    Language l;
    l.code = "kk";
    l.object_first = true;
    l.proper_first = true;
    l.name_heads = {"әзірлеу", "дайындау", "жетілдіру", "енгізу", "талдау", "құру", "кеңейту", "бағалау", "нығайту", "жаңғырту"};
    l.name_objects = {"нормативтік құқықтық базаны", "қолдау тетіктерін",   "ұлттық стандарттарды",
                      "оқыту бағдарламаларын",       "ақпараттық жүйелерді", "әкімшілік рәсімдерді",
                      "әдістемелік ұсынымдарды",     "орталықтар желісін"};
    l.name_links = {"саласындағы", "мәселелері бойынша", "бағытындағы", "жөніндегі"};
    l.topics = {"ауылдық елді мекендерді сумен жабдықтау", "тұтынушылардың құқықтарын қорғау", "шағын бизнесті қолдау",
                "мемлекеттік қызметтерге қол жеткізу",     "жол қозғалысының қауіпсіздігі",    "экологиялық мониторинг",
                "халықтың цифрлық сауаттылығы",            "мектептегі білім сапасы",          "жастарды жұмыспен қамту",
                "мәдени мұра объектілері",                 "қалдықтарды басқару",              "қалалық қоғамдық көлік",
                "су тасқынының алдын алу",                 "таулы өңірлердегі туризм"};
    l.items = {"тұжырымдама жобасын дайындау",    "сарапшылармен консультациялар", "халықаралық тәжірибені зерделеу",
               "қағидаларға өзгерістер енгізу",   "мамандарды оқыту",              "өңірлердегі ақпараттық науқан"};
    l.outcomes = {"Үкіметке ақпарат",      "Заң жобасы",          "Бірлескен бұйрық",        "Үкіметке ұсыныстар",
                  "Талдамалық есеп",       "Министрдің бұйрығы",  "Әдістемелік ұсынымдар",   "Пайдалануға беру актісі",
                  "Үкімет қаулысы",        "Оқыту семинарлары"};
    l.section_titles = {"Инфрақұрылым және коммуналдық қызметтер", "Цифрлық қызметтер", "Әлеуметтік қорғау",
                        "Білім және ғылым", "Қоршаған орта және табиғи ресурстар", "Құқықтық қамтамасыз ету",
                        "Көлік және логистика", "Денсаулық сақтау", "Өңірлік даму", "Мемлекеттік басқару"};
    l.intro_openings = {"Өңірлік даму стратегиясына сәйкес Үкімет осы жоспарды бекітті",
                        "Іс-шаралар жоспары бекітілді",
                        "Мемлекеттік басқаруды реформалау тұжырымдамасын орындау мақсатында жоспар қабылданды",
                        "Осы жоспар министрліктер мен өңірлердің жұмысын жалғастырады"};
    l.intro_closings = {"және министрліктер оның орындалуы туралы ақпарат береді.", "өңірлердің қатысуымен.",
                        "кезең-кезеңімен іске асырылады."};
    l.number_headers = {"Р/с №", "№ р/с", "№", "Р/с"};
    l.name_headers = {"Іс-шараның атауы", "Іс-шаралардың атауы", "Іс-шара", "Атауы", "Іс-шаралар", "Не істеледі"};
    l.outcome_headers = {"Аяқтау нысаны", "Аяқталу нысаны", "Орындау нысаны", "Күтілетін нәтиже", "Растайтын құжат"};
    l.deadline_headers = {"Орындау мерзімі", "Орындалу мерзімі", "Мерзімі", "Іске асыру мерзімі", "Орындау мерзімдері", "Мерзім", "Қашан"};
    l.agency_headers = {"Жауапты орындаушылар", "Орындауға жауаптылар", "Жауаптылар", "Жауапты орындаушы", "Орындаушылар",
                        "Кім жауап береді"};
    l.unknown_headers = {"Көрсеткіш", "Индикатор", "Нысаналы көрсеткіш"};
    l.unknown_cells = {"кемінде 80 %", "5 %-ға өсу", "12 ауданды қамту", "мектептердің 100 %"};
    l.bodies = {{"СРМ", "Су ресурстары министрлігі", ""},
                {"ТСМ", "Туризм және спорт министрлігі", ""},
                {"ЦИМ", "Цифрлық инфрақұрылым министрлігі", ""},
                {"ТҚМ", "Табиғатты қорғау министрлігі", ""},
                {"ҚДМ", "Қоғамдық денсаулық министрлігі", ""},
                {"ЕЖМ", "Еңбек және жұмыспен қамту министрлігі", ""},
                {"КЖМ", "Көлік және жолдар министрлігі", ""},
                {"АШМ", "Ауыл шаруашылығы министрлігі", ""},
                {"ҚРМ", "Қаржы министрлігі", ""},
                {"ЭСМ", "Экономика және сауда министрлігі", ""},
                {"ҒБМ", "Ғылым және білім министрлігі", ""},
                {"МЖМ", "Мәдениет және жастар министрлігі", ""},
                {"ӘДМ", "Әділет министрлігі", ""},
                {"ІСМ", "Ішкі істер министрлігі", ""},
                {"ЭНМ", "Энергетика министрлігі", ""},
                {"СІМ", "Сыртқы істер министрлігі", ""},
                // The country's short form with the body's: one abbreviation.
                {"ҚР ДСМ", "Қазақстан Республикасы Денсаулық сақтау министрлігі", ""},
                {"МҚА", "Мемлекеттік қызмет істері агенттігі", ""},
                {"СЕА", "Статистика және есептілік агенттігі", ""},
                {"БҚА", "Бәсекелестікті қорғау агенттігі", ""},
                {"ҰБР", "Республиканың Ұлттық банкі", ""},
                {"БПР", "Бас прокуратура", ""},
                {"ЖАП", "Жоғары аудиторлық палата", ""},
                {"АҮК", "«Ашық үкімет» мемлекеттік корпорациясы", "«Ашық үкімет»"},
                {"ҰКО", "«Одақ» ұлттық кәсіпкерлер палатасы", "«Одақ»"},
                {"ҒЗИ-2", "№ 2 ғылыми-зерттеу институты", ""}};
    l.markers = {"(келісім бойынша)", "(келісім бойынша)", "(келісу бойынша)", "(келісілген жағдайда)"};
    l.then_words = {", әрі қарай ", ", кейіннен "};
    l.then_recurrences = {{"жыл сайын", Recurrence::annual}, {"тоқсан сайын", Recurrence::quarterly}, {"ай сайын", Recurrence::monthly}};
    l.abbreviation_notes = {"(%s келісім бойынша)", "(жиынтық)"};
    l.abbreviation_words = {"облыстары", "аудандары"};
    l.bare_markers = {"келісім бойынша"};
    l.all_markers = {"(барлығы келісім бойынша)", "(барлығы – келісім бойынша)"};
    l.both_markers = {"(екеуі келісім бойынша)"};
    l.head_names = {"жер бөлімі", "сәулет бөлімі", "білім бөлімі", "мәдениет бөлімі"};
    l.written_out = {"Президент жанындағы Мемлекеттік басқару академиясы", "Әділет министрлігі жанындағы Заңнама институты",
                     "Уәкіл жанындағы Адам құқықтары орталығы", "Жас ғалымдар кеңесі", "Муниципалитеттер одағы",
                     // A head after fields listed with a conjunction, a bare field before the comma: one name.
                     "облыстық мәдениет, архивтер және құжаттама басқармасы"};
    l.group_phrases = {"квазимемлекеттік ұйымдар", "жергілікті атқарушы органдар", "орталық мемлекеттік органдар",
                       "квазимемлекеттік сектор субъектілері", "облыстардың әкімдіктері", "аудандық әкімдіктер",
                       "орталық және жергілікті атқарушы органдар"};
    l.joined_groups = {"басқа да мүдделі мемлекеттік органдар", "өзге де орталық мемлекеттік органдар",
                       "басқа да мүдделі ұйымдар"};
    l.conjunction = "және";
    l.number_sign = "№";
    l.joining_words = {"және"};  // Kazakh "бірлесіп" follows its instrumental ("ЖАО-мен бірлесіп")
    l.section_suffix = "бөлім";
    l.ordinal_headings = {"{n} бағыт. ", "{w} бөлім. ", "{d}-кезең. "};
    l.ordinal_words = {"Бірінші", "Екінші", "Үшінші", "Төртінші", "Бесінші", "Алтыншы", "Жетінші", "Сегізінші", "Тоғызыншы", "Оныншы"};
    l.notes = {"Ескертпе: іс-шаралар жергілікті бюджет қаражаты есебінен қаржыландырылады.",
               "Ескертпе: бас орындаушы бірінші көрсетілген."};
    l.glossary_headings = {"Аббревиатуралардың толық жазылуы:", "Қысқартулар:", "Пайдаланылған қысқартулар",
                           "Ескертпе: қысқартулардың толық жазылуы:", "Аббревиатуралар тізімі:", "Қысқартылған атаулар:"};
    l.glossary_table_heads = {{"Аббревиатура", "Толық жазылуы"}, {"Қысқарту", "Толық атауы"}};
    l.published_words = {"Жарияланған күні"};
    l.other_headers = {"Болжалды шығыстар", "Қаржыландыру көздері"};
    l.two_level_parents = {"Қаржыландыру көлемі, млн теңге", "Болжалды шығыстар"};
    l.two_level_subs = {"барлығы", "1-жыл", "2-жыл"};
    l.other_cells = {"талап етілмейді", "республикалық бюджет", "жергілікті бюджет", "12,5", "бөлінген қаражат шегінде"};
    l.legal_forms = {"АҚ", "ЖШС", "КеАҚ", "ШЖҚ РМК", "ШЖҚ МКК"};
    l.legal_names = {"Цифрлық шешімдер орталығы", "Дала су арнасы", "Өңірлік даму агенттігі", "Солтүстік энергожелісі",
                     "Қалалық жоспарлау институты"};
    l.legal_names_separated = {"Кәсіпкерлікті, инновацияларды және экспортты қолдау орталығы",
                               "Экология, су ресурстары және климат институты", "Ғылым және инновациялар",
                               "Жолдар / Көпірлер"};
    l.legal_names_unquoted = {"Дала Су", "Солтүстік Жылу", "Алқап Энерго"};
    l.legal_names_nested = {"Ұлттық холдинг «Цифрлық шешімдер»", "Ұлттық компания «Жасыл дала»"};
    l.quotes = {{"«", "»"}, {"«", "»"}, {"“", "”"}, {"\"", "\""}};
    l.recurrences = {{"жыл сайын", Recurrence::annual},        {"тоқсан сайын", Recurrence::quarterly},           {"тұрақты", Recurrence::ongoing},
                     {"ай сайын", Recurrence::monthly},        {"жарты жылда бір рет", Recurrence::semiannual}, {"тұрақты негізде", Recurrence::ongoing},
                     {"жылына екі рет", Recurrence::semiannual}};
    l.recurrence_phrases = {{"тоқсанына 1 рет", Recurrence::quarterly}, {"тоқсанына бір рет", Recurrence::quarterly}, {"жылына бір рет", Recurrence::annual},
                            {"жылына 1 рет", Recurrence::annual},       {"айына бір рет", Recurrence::monthly},        {"Тоқсан сайын", Recurrence::quarterly},
                            {"Тұрақты түрде", Recurrence::ongoing}};
    return l;
  }();
  return lang;
}

const Language& language(const std::string& code) {
  return code == "ru" ? russian() : code == "kk" ? kazakh() : english();
}

std::string roman(int value) {
  static const char* hundreds[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
  static const char* tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
  static const char* ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  return std::string(value / 1000, 'M') + hundreds[value / 100 % 10] + tens[value / 10 % 10] + ones[value % 10];
}

std::string letter(const Language& lang, int value) {
  if (lang.code == "en") return std::string(1, static_cast<char>('A' + value - 1));
  static const std::vector<std::string> letters = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н"};
  return letters[static_cast<size_t>(value - 1)];
}

std::string ordinal_number(const Language& lang, int value) {
  const std::string digits = std::to_string(value);
  if (lang.code == "ru") return digits + "-я";
  if (lang.code == "kk") {
    // The ending follows the last word's vowels: "бір" "екі" … -ші, "алты" "тоғыз" "он" … -шы.
    const int last = value % 10;
    const bool back = last == 6 || last == 9 || (last == 0 && (value % 100 == 10 || value % 100 == 30 || value % 100 == 90));
    return digits + (back ? "-шы" : "-ші");
  }
  const int tens = value % 100;
  const char* ending = tens >= 11 && tens <= 13 ? "th" : value % 10 == 1 ? "st" : value % 10 == 2 ? "nd" : value % 10 == 3 ? "rd" : "th";
  return digits + ending;
}

std::string ordinal_heading(const Language& lang, int value, const std::string& form, const std::string& title) {
  std::string out = form;
  const auto put = [&](const std::string& slot, const std::string& text) {
    if (const size_t at = out.find(slot); at != std::string::npos) out.replace(at, slot.size(), text);
  };
  put("{n}", ordinal_number(lang, value));
  put("{w}", value >= 1 && value <= static_cast<int>(lang.ordinal_words.size()) ? lang.ordinal_words[static_cast<size_t>(value - 1)] : "");
  put("{d}", std::to_string(value));
  return out + title;
}

std::string title(const Language& lang, const std::string& topic, int from_year, int to_year, bool over_lines) {
  const std::string years = std::to_string(from_year) + "–" + std::to_string(to_year);
  if (lang.code == "ru") return (over_lines ? "ПЛАН" : "План") + std::string(" мероприятий по вопросам ") + topic + " на " + years + " годы";
  if (lang.code == "kk") {
    return capitalise(topic) + " саласындағы " + years + " жылдарға арналған іс-шаралар " + (over_lines ? "ЖОСПАРЫ" : "жоспары");
  }
  return (over_lines ? "ACTION PLAN" : "Action Plan") + std::string(" for ") + topic + " for " + years;
}

std::string act_phrase(const Language& lang, int year, int month, int day, const std::string& number) {
  const size_t m = static_cast<size_t>(month - 1);
  if (lang.code == "kk") {
    return "Үкіметтің " + std::to_string(year) + " жылғы " + std::to_string(day) + " " + kk_months_locative[m] + " № " + number +
           " қаулысымен";
  }
  if (lang.code == "ru") {
    return "постановлением Правительства от " + std::to_string(day) + " " + ru_months_genitive[m] + " " +
           std::to_string(year) + " года № " + number + ",";
  }
  return "by the resolution dated " + en_months[m] + " " + std::to_string(day) + ", " + std::to_string(year) + " No. " +
         number + ",";
}

std::string day_words(const Language& lang, const std::string& iso_date) {
  const int year = std::stoi(iso_date.substr(0, 4));
  const size_t m = static_cast<size_t>(std::stoi(iso_date.substr(5, 2)) - 1);
  const int day = std::stoi(iso_date.substr(8, 2));
  if (lang.code == "ru") return std::to_string(day) + " " + ru_months_genitive[m] + " " + std::to_string(year) + " года";
  if (lang.code == "kk") return std::to_string(year) + " жылғы " + std::to_string(day) + " " + kk_months_nominative[m];
  return en_months[m] + " " + std::to_string(day) + ", " + std::to_string(year);
}

std::string capitalise(const std::string& text) {
  if (text.empty()) return text;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  const UChar32 first = unicode.char32At(0);
  unicode.replace(0, U16_LENGTH(first), static_cast<UChar32>(u_toupper(first)));
  std::string out;
  return unicode.toUTF8String(out);
}

}  // namespace planparse::gen::words
