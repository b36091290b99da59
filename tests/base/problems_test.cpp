#include "base/problems.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/status.h"

namespace foyer {
namespace {

TEST_CASE("an error is one problem: at a place, or without one") {
  Status plain = Status::Error("the feed is empty");
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.problems().count() == 1);
  CHECK(plain.problems().Shown()[0] == Problem{"", "the feed is empty"});
  CHECK(plain.message() == "the feed is empty");

  Status placed = Status::ErrorAt("results[0].tz", "unknown time zone \"Mars/Olympus\"");
  CHECK(placed.problems().Shown()[0].place == "results[0].tz");
  CHECK(placed.message() == "results[0].tz: unknown time zone \"Mars/Olympus\"");
}

TEST_CASE("context names where a problem happened in front of its place") {
  Status status = Status::ErrorAt("DTSTART", "not a date").WithContext("line 2: VEVENT 1");
  CHECK(status.problems().Shown()[0] == Problem{"line 2: VEVENT 1: DTSTART", "not a date"});
  CHECK(status.message() == "line 2: VEVENT 1: DTSTART: not a date");
  CHECK(Status::Error("HTTP 500").WithContext("feed.url").message() == "feed.url: HTTP 500");
  CHECK(Status::Ok().WithContext("feed.url").ok());
}

TEST_CASE("a list shows its first problems, counts the rest, and is worded one a line") {
  ProblemList problems(2);
  CHECK(problems.empty());
  CHECK(problems.ToStatus().ok());
  problems.Add(Problem{"line 3", "no title"});
  problems.Add(Status::Ok());
  problems.Add(Status::ErrorAt("line 5", "no start"));
  problems.Add(Problem{"line 7", "no end"});
  problems.CountUnshown();
  CHECK(problems.count() == 4);
  CHECK(problems.Shown().size() == 2);
  CHECK(problems.unshown() == 2);
  CHECK(problems.Lines() ==
        std::vector<std::string>{"line 3: no title", "line 5: no start", "… and 2 more problems"});
  CHECK(problems.ToString() == "line 3: no title\nline 5: no start\n… and 2 more problems");
  Status status = problems.ToStatus();
  CHECK(status.problems().count() == 4);
  CHECK(status.message() == problems.ToString());
}

}  // namespace
}  // namespace foyer
