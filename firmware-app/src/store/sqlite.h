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

// What a failed call says about the database file, for code that acts on it.
enum class Failure {
  kNone,         // no failure, or one that is not the file's (busy, a constraint, a bug)
  kDamaged,      // SQLITE_CORRUPT, SQLITE_NOTADB: the file is not a sound database
  kCannotWrite,  // read-only media or file, a full disk, an I/O error, cannot open
};

struct OpenOptions {
  bool read_only = false;  // SQLITE_OPEN_READONLY
  bool create = true;      // create the file when missing (read-write only)
  // Read without locks or -wal/-shm files, for a file on read-only media that
  // nothing writes (SQLite's immutable=1). REQUIRES read_only.
  bool immutable = false;
};

class Database {
 public:
  // Opens the database at path (creating it if asked); ":memory:" works too,
  // and so do "file:" URIs (e.g. SQLite's shared in-memory "file:/name?vfs=memdb").
  // On failure, *failure (when given) says what kind it was.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const OpenOptions& options = {},
                                                Failure* failure = nullptr);
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

  // The kind of the first failure since the last call, which resets it, and
  // its message (as the failed call returned it) in *message when given.
  Failure TakeFailure(std::string* message = nullptr);
  // True when the file this connection has open is no longer the one at its
  // path: deleted, renamed or replaced (SQLITE_FCNTL_HAS_MOVED).
  bool FileHasMoved();
  // True when SQLite opened the file read-only (it does so quietly when the
  // file or its media cannot be written). Meaningful after a first statement.
  bool ReadOnly();
  // Copies this whole database over `destination`'s (SQLite's online backup).
  Status CopyInto(Database& destination);

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  // Remembers a failed call's kind and message, unless one is already remembered.
  void NoteFailure(int code, const std::string& message);
  sqlite3* db_;
  std::string path_;
  Failure failure_ = Failure::kNone;
  std::string failure_message_;
};

// The kind of failure an SQLite result code means.
Failure FailureOf(int code);

// A prepared statement. Bind parameters are 1-based, as in SQLite.
class Statement {
 public:
  static Result<Statement> Prepare(Database& db, const std::string& sql);
  Statement(Statement&& other) noexcept;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  // Binds `value` without copying it. REQUIRES: it stays alive and unchanged
  // until the statement is reset (Run does that).
  Statement& BindUnowned(int index, std::string_view value);
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
