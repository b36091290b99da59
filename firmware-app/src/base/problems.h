// Problems as data: what is wrong with an input, each a {place, message}, so
// that code acts on the list (its first problem, how many there are) and the
// words are put together only where a person reads them. A reader that
// carries on past a bad event (so that a feed's organizer sees every problem
// at once) collects them in a ProblemList; a Status carries one.
// Plain values; thread-compatible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foyer {

class Status;

struct Problem {
  // Where: a JSON path, an event named by its day, room, title and line, a CSV
  // file's "schedule.csv:7". Empty when the problem is the input's as a whole.
  std::string place;
  // What is wrong there, and the fix when there is one.
  std::string message;

  // "place: message", or the message alone when there is no place.
  std::string ToString() const;
  bool operator==(const Problem&) const = default;
};

// The problems found in one input, in the order found: the first `most_shown`
// of them, and a count of the rest.
class ProblemList {
 public:
  static constexpr size_t kShown = 50;

  explicit ProblemList(size_t most_shown = kShown) : most_shown_(most_shown) {}

  void Add(Problem problem);
  // As Add, but a problem whose text contains `same_fix` is shown only the
  // first time, with "(and N more like it)": for a feed-wide cause ("set
  // clock.timezone"), one line says it.
  void Add(Problem problem, std::string_view same_fix);
  // The problems of a failed status (nothing for an ok one).
  void Add(const Status& status);
  void Add(const Status& status, std::string_view same_fix);
  // Counts one more problem without showing it: one whose fix a problem shown
  // already says, in a list that words it as one of the "N more problems".
  void CountUnshown();

  bool empty() const { return count_ == 0; }
  // The problems listed: those shown and those only counted. Problems folded
  // into another's "(and N more like it)" are not counted again.
  size_t count() const { return count_; }
  // The problems shown, first found first; one that stands for others with the
  // same fix ends "(and N more like it)". Never more than most_shown.
  std::vector<Problem> Shown() const;
  // How many are counted but not shown: the "… and N more problems".
  size_t unshown() const { return count_ - shown_.size(); }
  // True when a problem shown carries `same_fix`, as given to Add.
  bool Mentions(std::string_view same_fix) const;

  // The list as a person reads it: each problem shown as "place: message",
  // then "… and N more problems" for those not shown.
  std::vector<std::string> Lines() const;
  // Lines(), one a line.
  std::string ToString() const;
  // Ok when there are none; else an error that carries this list.
  Status ToStatus() const;

 private:
  size_t most_shown_;
  std::vector<Problem> shown_;
  size_t count_ = 0;
  struct SameFix {
    std::string fix;
    size_t shown = 0;    // the index in shown_ of its first problem
    size_t repeats = 0;  // how many more there were
  };
  std::vector<SameFix> same_fixes_;
};

}  // namespace foyer
