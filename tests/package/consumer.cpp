// A program outside the project that links the installed library (tests/package/check.sh).
#include <iostream>

#include <planparse/planparse.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const planparse::Result<planparse::Plan> plan = planparse::parse_file(argv[1]);
  if (!plan.ok()) return 1;
  std::cout << plan.value().activities.size() << " activities, planparse " << planparse::version() << "\n";
  return planparse::validate_json_text(planparse::to_json_text(plan.value())).empty() ? 0 : 1;
}
