#include "store/sqlite.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <cstdio>
#include <utility>

namespace foyer::sqlite {
namespace {

// " (the file-size limit …)" when this process may write files of a limited
// size (ulimit -f, LimitFSIZE=): SQLite calls a write past it a "disk I/O
// error", and by the time it reports a failed COMMIT the system's EFBIG is gone.
std::string FileSizeLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return "";
  return " (files are limited to " + std::to_string(limit.rlim_cur) +
         " bytes here: a file-size limit, ulimit -f or systemd's LimitFSIZE=, may be reached)";
}

// What SQLite cannot say itself about a failed write to the cache at `path`,
// appended to its own words `said`: the folder is not writable (SQLite must
// create the -wal and -shm files beside the cache, and calls that "attempt to
// write a readonly database"), or the reason behind an I/O error.
std::string Explain(sqlite3* db, const std::string& path, const std::string& said) {
  const int code = sqlite3_extended_errcode(db) & 0xff;
  const std::string folder = std::filesystem::path(path).parent_path().string();
  if ((code == SQLITE_READONLY || code == SQLITE_CANTOPEN) && path != ":memory:" &&
      faccessat(AT_FDCWD, folder.empty() ? "." : folder.c_str(), W_OK, AT_EACCESS) != 0)
    return "its folder " + (folder.empty() ? std::string(".") : folder) +
           " is not writable by this user, and SQLite must create the -wal and -shm files "
           "beside the cache: make the folder writable for foyer's user (SQLite says: " +
           said + ")";
  if (code != SQLITE_IOERR && code != SQLITE_FULL) return said;
  if (std::string limit = FileSizeLimit(); !limit.empty()) return said + limit;
  const int system_error = sqlite3_system_errno(db);
  return system_error ? said + " (" + std::strerror(system_error) + ")" : said;
}

}  // namespace

namespace {

// path as an SQLite URI that opens it immutable (no locks, no -wal/-shm).
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
      uri += escaped;
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

int OpenFlags(const std::string& path, const OpenOptions& options) {
  int flags = SQLITE_OPEN_NOMUTEX;
  if (options.read_only)
    flags |= SQLITE_OPEN_READONLY;
  else
    flags |= SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  if (options.immutable || path.rfind("file:", 0) == 0) flags |= SQLITE_OPEN_URI;
  return flags;
}

}  // namespace

Failure FailureOf(int code) {
  switch (code & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return Failure::kNone;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Failure::kDamaged;
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return Failure::kCannotWrite;
    default:
      return Failure::kNone;
  }
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const OpenOptions& options, Failure* failure) {
  sqlite3* db = nullptr;
  const std::string name = options.immutable ? ImmutableUri(path) : path;
  int rc = sqlite3_open_v2(name.c_str(), &db, OpenFlags(name, options), nullptr);
  if (rc != SQLITE_OK) {
    if (failure) *failure = FailureOf(rc);
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::Error("cache " + path + ": cannot open: " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  return std::unique_ptr<Database>(new Database(db, path));
}

Database::~Database() { sqlite3_close(db_); }

Status Database::LastError(const std::string& doing) {
  std::string message =
      "cache " + path_ + ": " + doing + ": " + Explain(db_, path_, sqlite3_errmsg(db_));
  NoteFailure(sqlite3_extended_errcode(db_), message);
  return Status::Error(message);
}

Status Database::Execute(const std::string& sql) {
  char* error = nullptr;
  if (int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error); rc != SQLITE_OK) {
    std::string message = Explain(db_, path_, error ? error : "unknown error");
    sqlite3_free(error);
    NoteFailure(rc, message);
    return Status::Error(message);
  }
  return Status::Ok();
}

Status Database::ExecuteRetryingWhileBusy(const std::string& sql, int millis) {
  for (int waited = 0;; waited += 10) {
    Status status = Execute(sql);
    if (status.ok() || (sqlite3_errcode(db_) & 0xff) != SQLITE_BUSY || waited >= millis)
      return status;
    sqlite3_sleep(10);
  }
}

void Database::NoteFailure(int code, const std::string& message) {
  if (failure_ != Failure::kNone) return;
  failure_ = FailureOf(code);
  failure_message_ = message;
}

Failure Database::TakeFailure(std::string* message) {
  if (message) *message = std::move(failure_message_);
  failure_message_.clear();
  return std::exchange(failure_, Failure::kNone);
}

bool Database::FileHasMoved() {
  int moved = 0;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK) return false;
  return moved != 0;
}

bool Database::ReadOnly() { return sqlite3_db_readonly(db_, "main") == 1; }

Status Database::CopyInto(Database& destination) {
  sqlite3_backup* backup = sqlite3_backup_init(destination.db_, "main", db_, "main");
  if (!backup) return destination.LastError("copying " + path_);
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    std::string message =
        "cache " + destination.path_ + ": copying " + path_ + ": " + sqlite3_errstr(rc);
    // Most likely a write failed at the destination, or a read (damage) at the source.
    (FailureOf(rc) == Failure::kCannotWrite ? destination : *this).NoteFailure(rc, message);
    return Status::Error(message);
  }
  return Status::Ok();
}

Result<std::int64_t> Database::QueryInt(const std::string& sql) {
  auto statement = Statement::Prepare(*this, sql);
  if (!statement.ok()) return statement.status();
  std::int64_t value = statement->Step() ? statement->Int(0) : 0;
  if (!statement->status().ok()) return statement->status();
  return value;
}

Result<Statement> Statement::Prepare(Database& db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return db.LastError("preparing \"" + sql.substr(0, 60) + "\"");
  return Statement(&db, stmt);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), status_(other.status_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK && status_.ok())
    status_ = db_->LastError("binding");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK &&
      status_.ok())
    status_ = db_->LastError("binding");
  return *this;
}

Statement& Statement::BindUnowned(int index, std::string_view value) {
  if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_STATIC) != SQLITE_OK &&
      status_.ok())
    status_ = db_->LastError("binding");
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK && status_.ok())
    status_ = db_->LastError("binding");
  return *this;
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

bool Statement::Step() {
  if (!status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = db_->LastError("step");
  return false;
}

Status Statement::Run() {
  Step();
  Status result = status_;
  Reset();
  return result;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  status_ = Status::Ok();
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  auto text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return text ? std::string(text, sqlite3_column_bytes(stmt_, column)) : std::string();
}

Transaction::Transaction(Database& db) : db_(db) { begin_status_ = db_.Execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_ && begin_status_.ok()) db_.Execute("ROLLBACK");
}

Status Transaction::Commit() {
  if (!begin_status_.ok()) return begin_status_;
  Status status = db_.Execute("COMMIT");
  if (status.ok()) done_ = true;
  return status;
}

}  // namespace foyer::sqlite
