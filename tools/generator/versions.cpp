// Two versions of a large plan (tools/generator/versions.h). The words are made up (syllables
// drawn with a skew, so some words are common and most rare, as in real plans), not taken from
// the samples.
#include "tools/generator/versions.h"

#include <random>
#include <string>
#include <vector>

namespace planparse::gen {
namespace {

constexpr std::size_t kSectionSize = 40;
constexpr const char* kSyllables[] = {"ka", "ro", "mi", "ten", "sul", "var", "de", "po", "lin", "gra",
                                      "to", "ne", "shi", "bor", "al", "me", "ust", "fa", "qi", "dan"};

class Drawer {
 public:
  explicit Drawer(std::uint32_t seed) : random_(seed) {
    // 4,000 words; drawn with a geometric skew over their index.
    for (int w = 0; w < 4000; ++w) {
      std::string word;
      for (int k = w, parts = 0; parts < 2 || k > 0; ++parts, k /= 20) word += kSyllables[k % 20];
      words_.push_back(word);
    }
    for (int a = 0; a < 40; ++a) agencies_.push_back("A" + words_[static_cast<std::size_t>(a)].substr(0, 3) + std::to_string(a));
  }

  std::string word() {
    std::geometric_distribution<std::size_t> skew(0.004);
    return words_[skew(random_) % words_.size()];
  }

  std::string sentence(std::size_t words) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) text += (i ? " " : "") + word();
    return text;
  }

  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }

  Agency agency() {
    const std::string& abbr = agencies_[below(agencies_.size())];
    return Agency{abbr, AgencyKind::agency, abbr, "Ministry of " + abbr, false, std::nullopt};
  }

  Deadline deadline() {
    const int year = 2025 + static_cast<int>(below(3));
    const int month = 1 + static_cast<int>(below(12));
    const std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
    return Deadline{"by 01." + mm + "." + std::to_string(year), std::nullopt, std::to_string(year) + "-" + mm + "-01",
                    std::nullopt};
  }

  Activity activity() {
    Activity a;
    a.name = sentence(6 + below(8));
    a.outcomes.push_back(Outcome{"report " + sentence(2), std::nullopt, deadline()});
    a.agencies.push_back(agency());
    if (below(2) == 0) a.agencies.push_back(agency());
    return a;
  }

 private:
  std::mt19937 random_;
  std::vector<std::string> words_;
  std::vector<std::string> agencies_;
};

std::string section_of(std::size_t position) { return std::to_string(position / kSectionSize + 1); }

void finish(Plan& plan, std::size_t sections) {
  plan.source = SourceInfo{"generated.txt", std::string(64, '0'), 1, SourceFormat::text, "UTF-8"};
  plan.language = "en";
  plan.title = "Plan of measures";
  plan.columns = {{ColumnRole::number, "No."},
                  {ColumnRole::name, "Measure"},
                  {ColumnRole::outcome, "Form"},
                  {ColumnRole::deadline, "Deadline"},
                  {ColumnRole::agencies, "Responsible"}};
  for (std::size_t s = 0; s < sections; ++s) {
    plan.sections.push_back(Section{std::to_string(s + 1), "Section " + std::to_string(s + 1), static_cast<int>(s + 1)});
  }
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    plan.activities[i].number = static_cast<int>(i + 1);
    plan.activities[i].line = static_cast<int>(10 + 3 * i);
  }
}

}  // namespace

PlanVersions draw_plan_versions(std::size_t activities, std::uint32_t seed) {
  Drawer draw(seed);
  PlanVersions versions;
  std::vector<Activity>& olds = versions.old_plan.activities;
  for (std::size_t i = 0; i < activities; ++i) {
    olds.push_back(draw.activity());
    olds.back().section = section_of(i);
  }
  std::vector<Activity> news;
  std::vector<Activity> moved;
  for (const Activity& old : olds) {
    Activity a = old;
    switch (draw.below(50)) {
      case 0: {  // reworded: about every third word replaced
        std::string name;
        std::size_t k = 0;
        for (std::size_t start = 0; start <= a.name.size(); ++k) {
          std::size_t end = a.name.find(' ', start);
          if (end == std::string::npos) end = a.name.size();
          name += (name.empty() ? "" : " ") + (k % 3 == 1 ? draw.word() : a.name.substr(start, end - start));
          start = end + 1;
        }
        a.name = name;
        break;
      }
      case 1:
        a.outcomes.front().deadline = draw.deadline();
        break;
      case 2:
        a.agencies.push_back(draw.agency());
        break;
      case 3:
        moved.push_back(a);
        continue;
      case 4:
        continue;  // removed
      case 5:
        news.push_back(draw.activity());  // inserted before it
        break;
      default:
        break;
    }
    news.push_back(std::move(a));
  }
  // The moved activities land elsewhere; they and the inserted ones (no section yet) take the
  // section of the activity before them.
  for (Activity& a : moved) {
    a.section.reset();
    news.insert(news.begin() + static_cast<long>(draw.below(news.size() + 1)), std::move(a));
  }
  for (std::size_t j = 0; j < news.size(); ++j) {
    if (!news[j].section) news[j].section = j == 0 ? std::string("1") : *news[j - 1].section;
  }
  versions.new_plan.activities = std::move(news);
  const std::size_t sections = (olds.size() + kSectionSize - 1) / kSectionSize;
  finish(versions.old_plan, sections);
  finish(versions.new_plan, sections);
  return versions;
}

}  // namespace planparse::gen
