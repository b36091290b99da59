#include "base/problems.h"

#include "base/status.h"

namespace foyer {

std::string Problem::ToString() const { return place.empty() ? message : place + ": " + message; }

void ProblemList::Add(Problem problem) {
  ++count_;
  if (shown_.size() < most_shown_) shown_.push_back(std::move(problem));
}

void ProblemList::Add(Problem problem, std::string_view same_fix) {
  if (problem.ToString().find(same_fix) != std::string::npos) {
    for (SameFix& seen : same_fixes_) {
      if (seen.fix == same_fix) {
        ++seen.repeats;
        return;
      }
    }
    if (shown_.size() < most_shown_) same_fixes_.push_back({std::string(same_fix), shown_.size()});
  }
  Add(std::move(problem));
}

void ProblemList::Add(const Status& status) {
  if (status.ok()) return;
  for (Problem& problem : status.problems().Shown()) Add(std::move(problem));
  for (size_t i = 0; i < status.problems().unshown(); ++i) CountUnshown();
}

void ProblemList::Add(const Status& status, std::string_view same_fix) {
  if (status.ok()) return;
  for (Problem& problem : status.problems().Shown()) Add(std::move(problem), same_fix);
  for (size_t i = 0; i < status.problems().unshown(); ++i) CountUnshown();
}

void ProblemList::CountUnshown() { ++count_; }

std::vector<Problem> ProblemList::Shown() const {
  std::vector<Problem> shown = shown_;
  for (const SameFix& seen : same_fixes_)
    if (seen.repeats > 0)
      shown[seen.shown].message += " (and " + std::to_string(seen.repeats) + " more like it)";
  return shown;
}

bool ProblemList::Mentions(std::string_view same_fix) const {
  for (const SameFix& seen : same_fixes_)
    if (seen.fix == same_fix) return true;
  return false;
}

std::vector<std::string> ProblemList::Lines() const {
  std::vector<std::string> lines;
  for (const Problem& problem : Shown()) lines.push_back(problem.ToString());
  if (unshown() > 0) lines.push_back("… and " + std::to_string(unshown()) + " more problems");
  return lines;
}

std::string ProblemList::ToString() const {
  std::string text;
  for (const std::string& line : Lines()) text += (text.empty() ? "" : "\n") + line;
  return text;
}

Status ProblemList::ToStatus() const { return Status::Problems(*this); }

}  // namespace foyer
