#include "base/status.h"

#include <vector>

namespace foyer {

Status Status::ErrorAt(std::string place, std::string message) {
  ProblemList problems;
  problems.Add(Problem{std::move(place), std::move(message)});
  return Problems(std::move(problems));
}

Status Status::Problems(ProblemList problems) {
  if (problems.empty()) return Ok();
  std::string message = problems.ToString();
  return Status(std::make_shared<const Detail>(Detail{std::move(problems), std::move(message)}));
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  std::vector<Problem> shown = problems().Shown();
  ProblemList placed(shown.size());
  for (Problem& problem : shown) {
    problem.place = problem.place.empty() ? context : context + ": " + problem.place;
    placed.Add(std::move(problem));
  }
  for (size_t i = 0; i < problems().unshown(); ++i) placed.CountUnshown();
  return Problems(std::move(placed));
}

}  // namespace foyer
