// The generator's word lists. See words.h.
#include "tools/generator/words.h"

namespace planparse::gen::words {

const std::vector<std::string> en_months = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
const std::vector<std::string> ru_months_nominative = {"январь", "февраль", "март",     "апрель",  "май",    "июнь",
                                                       "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
const std::vector<std::string> ru_months_genitive = {"января", "февраля", "марта",     "апреля",  "мая",    "июня",
                                                     "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
const std::vector<std::string> ru_months_prepositional = {"январе", "феврале", "марте",    "апреле",  "мае",    "июне",
                                                          "июле",   "августе", "сентябре", "октябре", "ноябре", "декабре"};
const std::vector<std::pair<std::string, std::string>> en_recurrences = {
    {"annually", "annual"},           {"quarterly", "quarterly"},          {"semi-annually", "semiannual"},
    {"monthly", "monthly"},           {"on an ongoing basis", "ongoing"},  {"on a permanent basis", "ongoing"},
    {"every year", "annual"},         {"twice a year", "semiannual"},      {"on a quarterly basis", "quarterly"}};
const std::vector<std::pair<std::string, std::string>> ru_recurrences = {
    {"ежегодно", "annual"},   {"ежеквартально", "quarterly"}, {"постоянно", "ongoing"},
    {"ежемесячно", "monthly"}, {"два раза в год", "semiannual"}, {"на постоянной основе", "ongoing"}};

const Language& english() {
  static const Language lang = [] {
    Language l;
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
    l.number_headers = {"No.", "No", "#", "Nr."};
    l.name_headers = {"Name", "Activity", "Measure", "Name of activity", "Activities"};
    l.outcome_headers = {"Outcome", "Form of completion", "Expected result", "Deliverable"};
    l.deadline_headers = {"Deadline", "Implementation timeframe", "Timeframe", "Due date", "Terms of implementation"};
    l.agency_headers = {"Agencies in charge", "Responsible agencies", "Responsible executors", "Lead agencies"};
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
    l.markers = {"(as agreed)", "(as agreed)", "(upon agreement)", "(by agreement)"};
    l.written_out = {"Academy of Public Administration under the President",
                     "Institute of Legislation under the Ministry of Justice", "Centre for Human Rights under the Ombudsman",
                     "Council of Young Scientists", "Union of Municipalities"};
    l.group_phrases = {"quasi-state organizations", "national companies", "local executive bodies", "central state bodies"};
    l.joined_groups = {"other interested government agencies", "other central bodies", "other concerned organizations",
                       "all interested parties", "other interested government agencies and organizations"};
    l.conjunction = "and";
    l.section_prefix = "Section";
    l.glossary_headings = {"Abbreviations:", "Note: Abbreviations:", "List of abbreviations", "Decoding of abbreviations"};
    l.published_words = {"Publication date", "Date of publication"};
    l.other_headers = {"Expected costs", "Sources of funding", "Notes"};
    l.other_cells = {"not required", "state budget", "local budget", "12.5", "within the allocated funds"};
    return l;
  }();
  return lang;
}

const Language& russian() {
  static const Language lang = [] {
    Language l;
    l.russian = true;
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
    l.number_headers = {"№ п/п", "№"};
    l.name_headers = {"Наименование мероприятия", "Наименование", "Мероприятие"};
    l.outcome_headers = {"Форма завершения"};
    l.deadline_headers = {"Сроки исполнения", "Срок исполнения", "Сроки"};
    l.agency_headers = {"Ответственные исполнители", "Ответственные за исполнение", "Исполнители"};
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
                {"АГС", "Агентство по делам государственной службы", ""},
                {"АСО", "Агентство по статистике и отчетности", ""},
                {"АЗК", "Агентство по защите конкуренции", ""},
                {"НБР", "Национальный банк Республики", ""},
                {"ГПР", "Генеральная прокуратура", ""},
                {"ВАП", "Высшая аудиторская палата", ""},
                {"ГКО", "Государственная корпорация «Открытое правительство»", "«Открытое правительство»"},
                {"НПП", "Национальная палата предпринимателей «Союз»", "«Союз»"},
                {"НИИ-2", "Научно-исследовательский институт № 2", ""}};
    l.markers = {"(по согласованию)"};
    l.written_out = {"Академия государственного управления при Президенте", "Институт законодательства при Министерстве юстиции",
                     "Центр по правам человека при Уполномоченном", "Совет молодых ученых", "Союз муниципалитетов"};
    l.group_phrases = {"квазигосударственные организации", "местные исполнительные органы",
                       "центральные государственные органы", "акиматы областей, городов Астаны, Алматы и Шымкента",
                       "субъекты квазигосударственного сектора"};
    l.joined_groups = {"другие заинтересованные государственные органы", "иные центральные государственные органы",
                       "другие заинтересованные организации", "другие заинтересованные государственные органы и организации"};
    l.conjunction = "и";
    l.section_prefix = "Раздел";
    l.glossary_headings = {"Примечание: расшифровка аббревиатур:", "Расшифровка аббревиатур:"};
    l.published_words = {"Дата публикации"};
    l.other_headers = {"Предполагаемые расходы (млн. тенге)", "Источники финансирования"};
    l.other_cells = {"не требуется", "республиканский бюджет", "местный бюджет", "12,5", "в пределах выделенных средств"};
    return l;
  }();
  return lang;
}

std::string roman(int value) {
  static const char* tens[] = {"", "X", "XX", "XXX"};
  static const char* ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  return std::string(tens[value / 10]) + ones[value % 10];
}

std::string letter(const Language& lang, int value) {
  if (!lang.russian) return std::string(1, static_cast<char>('A' + value - 1));
  static const std::vector<std::string> letters = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н"};
  return letters[static_cast<size_t>(value - 1)];
}

std::string title(const Language& lang, const std::string& topic, int from_year, int to_year) {
  const std::string years = std::to_string(from_year) + "–" + std::to_string(to_year);
  if (lang.russian) return "План мероприятий по вопросам " + topic + " на " + years + " годы";
  return "Action Plan for " + topic + " for " + years;
}

std::string act_phrase(const Language& lang, int year, int month, int day, const std::string& number) {
  const size_t m = static_cast<size_t>(month - 1);
  if (lang.russian) {
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
  if (lang.russian) return std::to_string(day) + " " + ru_months_genitive[m] + " " + std::to_string(year) + " года";
  return en_months[m] + " " + std::to_string(day) + ", " + std::to_string(year);
}

}  // namespace planparse::gen::words
