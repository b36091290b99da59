// Status and Result<T>: foyer's one error style.
//
// A Status is either ok or carries the problems that make it an error, each a
// {place, message} written for the person who has to act on it (a venue
// technician, an organizer): it names the thing that failed and what was
// wrong, e.g. "feed.url: https://…: HTTP 500". Code that acts on an error
// reads problems(); message() is their text, one a line. No exceptions cross
// module boundaries. Plain values, cheap to copy; thread-compatible.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>

#include "base/problems.h"

namespace foyer {

class Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  // One problem with no place of its own (any place is written in the message).
  static Status Error(std::string message) { return ErrorAt("", std::move(message)); }
  // One problem at a place: message() is "place: message".
  static Status ErrorAt(std::string place, std::string message);
  // An error with these problems; ok when there are none.
  static Status Problems(ProblemList problems);

  bool ok() const { return detail_ == nullptr; }
  // REQUIRES: !ok(). The problems, one a line (ProblemList::ToString).
  const std::string& message() const { return detail_->message; }
  // REQUIRES: !ok()
  const ProblemList& problems() const { return detail_->problems; }
  // The message, or "ok".
  std::string ToString() const { return ok() ? "ok" : message(); }

  // Names where it happened in front of each problem's place, so that one
  // problem's message becomes "feed.url: " + message. (Which fixes the
  // problems share stays in their words; Mentions() no longer tells it.)
  Status WithContext(const std::string& context) const;

 private:
  struct Detail {
    ProblemList problems;
    std::string message;
  };
  explicit Status(std::shared_ptr<const Detail> detail) : detail_(std::move(detail)) {}
  std::shared_ptr<const Detail> detail_;  // null: ok
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT: REQUIRES !status.ok()

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace foyer
