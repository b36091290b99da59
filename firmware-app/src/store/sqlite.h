// Thin RAII over the SQLite C API: a Database, prepared Statements with bound
// parameters, and a Transaction that rolls back unless committed. Only store/
// uses these. A Database and its Statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace foyer::sqlite {

class Database {
 public:
  // Opens (creating if needed) the database at path; ":memory:" works too.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  Status Execute(const std::string& sql);
  // As Execute, but while SQLite answers SQLITE_BUSY, tries again every 10 ms
  // for up to `millis` (for statements its busy timeout does not cover).
  Status ExecuteRetryingWhileBusy(const std::string& sql, int millis);
  // The first column of the first row of a query as an integer (0 when no row).
  Result<std::int64_t> QueryInt(const std::string& sql);
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }
  // The last error, prefixed with the database path.
  Status LastError(const std::string& doing);

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Bind parameters are 1-based, as in SQLite.
class Statement {
 public:
  static Result<Statement> Prepare(Database& db, const std::string& sql);
  Statement(Statement&& other) noexcept;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  // Binds NULL for an empty optional.
  template <typename T>
  Statement& BindOptional(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  Statement& BindNull(int index);
  // Advances to the next row: true for a row, false when done; errors in status().
  bool Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run();
  void Reset();
  Status status() const { return status_; }

  std::int64_t Int(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Database* db_;
  sqlite3_stmt* stmt_;
  Status status_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Status status() const { return begin_status_; }
  Status Commit();

 private:
  Database& db_;
  Status begin_status_;
  bool done_ = false;
};

}  // namespace foyer::sqlite
