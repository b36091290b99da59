// The cache: the schema's migrations, and the schedule, announcements and feed
// states written and read in whole transactions (store/store.h).
#include "store/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "model/session_fields.h"
#include "store/sqlite.h"

namespace foyer {
namespace {

// Each connection's page cache: 256 KiB. SQLite's default, 2 MiB, would stay
// that large for weeks; foyer reads a schedule whole into its own structures
// and writes it in one transaction, which spills to the WAL.
constexpr const char* kCacheSizePragma = "PRAGMA cache_size=-256;";

// The ordered schema migrations. Entry i takes user_version i to i + 1. Never
// edit a released entry; append a new one.
const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> migrations = {
      // 1: the schedule.
      "CREATE TABLE schedule_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE rooms(position INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL);"
      "CREATE TABLE sessions(position INTEGER PRIMARY KEY, guid TEXT NOT NULL,"
      " feed_id TEXT NOT NULL, room TEXT NOT NULL, title TEXT NOT NULL, subtitle TEXT NOT NULL,"
      " start INTEGER NOT NULL, end INTEGER NOT NULL, utc_offset INTEGER NOT NULL,"
      " track TEXT NOT NULL, language TEXT NOT NULL, type TEXT NOT NULL, url TEXT NOT NULL,"
      " abstract TEXT NOT NULL);"
      "CREATE TABLE speakers(session INTEGER NOT NULL REFERENCES sessions(position)"
      " ON DELETE CASCADE, ordinal INTEGER NOT NULL, name TEXT NOT NULL,"
      " PRIMARY KEY(session, ordinal));"
      "CREATE INDEX sessions_by_room_start ON sessions(room, start);",
      // 2: what the sync knows of the feed (conditional GET, content hash, last sync),
      // and track colours.
      "CREATE TABLE feed_state(id INTEGER PRIMARY KEY CHECK (id = 1), url TEXT NOT NULL,"
      " etag TEXT NOT NULL, last_modified TEXT NOT NULL, content_hash TEXT NOT NULL,"
      " last_sync INTEGER NOT NULL, last_change INTEGER NOT NULL);"
      "ALTER TABLE sessions ADD COLUMN track_color TEXT NOT NULL DEFAULT '';",
      // 3: announcements and what the sync knows of their feed. `rooms` holds
      // room names separated by newlines (names never contain one); empty: all.
      "CREATE TABLE announcements(position INTEGER PRIMARY KEY, id TEXT NOT NULL,"
      " text TEXT NOT NULL, level TEXT NOT NULL, rooms TEXT NOT NULL, starts INTEGER NOT NULL,"
      " ends INTEGER NOT NULL);"
      "CREATE TABLE announcements_feed_state(id INTEGER PRIMARY KEY CHECK (id = 1),"
      " url TEXT NOT NULL, etag TEXT NOT NULL, last_modified TEXT NOT NULL,"
      " content_hash TEXT NOT NULL, last_sync INTEGER NOT NULL, last_change INTEGER NOT NULL);",
      // 4: what feed updates changed (previous values; NULL when unchanged) and
      // sessions cancelled by an update.
      "ALTER TABLE sessions ADD COLUMN previous_start INTEGER;"
      "ALTER TABLE sessions ADD COLUMN previous_end INTEGER;"
      "ALTER TABLE sessions ADD COLUMN previous_room TEXT;"
      "ALTER TABLE sessions ADD COLUMN previous_title TEXT;"
      "ALTER TABLE sessions ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;",
      // 5: no secrets in the cache, and which key vouched for its content. The
      // URL is kept as safe to show, with the SHA-256 of the whole URL to tell
      // the same feed; the URLs written before may hold a password or token and
      // are dropped (the next poll then fetches the feed in full, once).
      // verified_key: the minisign public key that verified the content, "" none.
      "ALTER TABLE feed_state ADD COLUMN url_hash TEXT NOT NULL DEFAULT '';"
      "ALTER TABLE feed_state ADD COLUMN verified_key TEXT NOT NULL DEFAULT '';"
      "ALTER TABLE announcements_feed_state ADD COLUMN url_hash TEXT NOT NULL DEFAULT '';"
      "ALTER TABLE announcements_feed_state ADD COLUMN verified_key TEXT NOT NULL DEFAULT '';"
      "UPDATE feed_state SET url = '';"
      "UPDATE announcements_feed_state SET url = '';",
  };
  return migrations;
}

// A session's fields go to and from the sessions table as model/session_fields.h
// describes them: one column each, but the speakers, which have a table of their own.
template <typename Value>
constexpr bool kInSessionsTable = !std::is_same_v<Value, std::vector<std::string>>;

std::string SessionColumnList() {
  std::string columns;
  for (const SessionField& field : SessionFields())
    if (field.column) columns += std::string(", ") + field.column;
  return columns;
}

// The session's position first, then its fields' columns in the description's order.
std::string SessionInsertSql() {
  std::string placeholders;
  for (const SessionField& field : SessionFields())
    if (field.column) placeholders += ", ?";
  return "INSERT INTO sessions(position" + SessionColumnList() + ") VALUES (?" + placeholders + ")";
}

std::string SessionSelectSql() {
  return "SELECT " + SessionColumnList().substr(2) + " FROM sessions ORDER BY position";
}

// The session outlives its row's Run: its texts are bound without a copy.
void BindColumn(sqlite::Statement& statement, int index, const std::string& value) {
  statement.BindUnowned(index, value);
}
void BindColumn(sqlite::Statement& statement, int index, std::int64_t value) {
  statement.Bind(index, value);
}
void BindColumn(sqlite::Statement& statement, int index, int value) {
  statement.Bind(index, static_cast<std::int64_t>(value));
}
void BindColumn(sqlite::Statement& statement, int index, bool value) {
  statement.Bind(index, std::int64_t{value});
}
// NULL for an empty optional.
template <typename Value>
void BindColumn(sqlite::Statement& statement, int index, const std::optional<Value>& value) {
  if (value) {
    BindColumn(statement, index, *value);
  } else {
    statement.BindNull(index);
  }
}

// Binds the position and every column of `session` to SessionInsertSql()'s parameters.
sqlite::Statement& BindSession(sqlite::Statement& statement, std::int64_t position,
                               const Session& session) {
  int index = 1;
  statement.Bind(index, position);
  ForEachSessionField(session, [&](const SessionField& field, const auto& value) {
    if constexpr (kInSessionsTable<std::decay_t<decltype(value)>>)
      if (field.column) BindColumn(statement, ++index, value);
  });
  return statement;
}

void ReadColumn(const sqlite::Statement& statement, int column, std::string& value) {
  value = statement.Text(column);
}
void ReadColumn(const sqlite::Statement& statement, int column, std::int64_t& value) {
  value = statement.Int(column);
}
void ReadColumn(const sqlite::Statement& statement, int column, int& value) {
  value = static_cast<int>(statement.Int(column));
}
void ReadColumn(const sqlite::Statement& statement, int column, bool& value) {
  value = statement.Int(column) != 0;
}
// Empty for NULL.
template <typename Value>
void ReadColumn(const sqlite::Statement& statement, int column, std::optional<Value>& value) {
  value.reset();
  if (statement.IsNull(column)) return;
  ReadColumn(statement, column, value.emplace());
}

// The session in the current row of SessionSelectSql(), without its speakers.
Session ReadSession(const sqlite::Statement& statement) {
  Session session;
  int column = 0;
  ForEachSessionField(session, [&](const SessionField& field, auto& value) {
    if constexpr (kInSessionsTable<std::decay_t<decltype(value)>>)
      if (field.column) ReadColumn(statement, column++, value);
  });
  return session;
}

}  // namespace

class Store::Impl {
 public:
  std::unique_ptr<sqlite::Database> db;
  std::int64_t own_commits = 0;
  StoreFault fault = StoreFault::kNone;  // noted by the store itself (schema, checks)
  std::string fault_message;

  // The store notes a fault of its own.
  Status Fail(StoreFault kind, const std::string& message) {
    if (fault == StoreFault::kNone) {
      fault = kind;
      fault_message = message;
    }
    return Status::Error(message);
  }

  // The first fault since the last TakeFault: the store's own, else SQLite's.
  StoreFault Fault() {
    if (fault != StoreFault::kNone) return fault;
    sqlite::Failure failure = db->TakeFailure(&fault_message);
    if (failure == sqlite::Failure::kDamaged) fault = StoreFault::kDamaged;
    if (failure == sqlite::Failure::kCannotWrite) fault = StoreFault::kCannotWrite;
    if (fault == StoreFault::kNone) fault_message.clear();
    return fault;
  }

  Status Configure(bool read_only) {
    // A reader takes the file's journal mode as it is.
    if (read_only) return db->Execute(std::string("PRAGMA foreign_keys=ON; ") + kCacheSizePragma);
    // A newer foyer's file is left as it is, journal mode too.
    auto version = db->QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (Status usable = CheckVersion(*version); !usable.ok()) return usable;
    // SQLite opens a file it cannot write read-only, without a word.
    if (db->ReadOnly())
      return Fail(StoreFault::kCannotWrite,
                  "cache " + db->path() + " cannot be written (a read-only file or media)");
    // WAL: readers never block the sync's writer, and a crash mid-write leaves
    // the last committed state. FULL: a commit that returned survives power loss.
    // WAL mode is kept in the file; switching a new file to it needs the file
    // to itself, and SQLite answers "locked" at once, without its busy
    // timeout, when another connection is creating it too: try again.
    Status status = db->ExecuteRetryingWhileBusy("PRAGMA journal_mode=WAL", 5000);
    if (!status.ok()) return status;
    // secure_delete (Debian's default, not every build's): what is replaced, a
    // URL an older foyer wrote, is overwritten.
    return db->Execute(
        std::string("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; ") +
        kCacheSizePragma);
  }

  // Takes the cache to schema version `target`, one migration per transaction.
  // Each reads the version under the write lock (BEGIN IMMEDIATE), so two
  // processes creating a cache at once never run the same migration twice.
  Status Migrate(int target, bool read_only) {
    // Up to date (the common case): no write lock needed.
    auto current = db->QueryInt("PRAGMA user_version");
    if (!current.ok()) return current.status();
    if (Status usable = CheckVersion(*current); !usable.ok()) return usable;
    if (*current >= target) return Status::Ok();
    if (read_only)
      return Fail(StoreFault::kCannotWrite, "cache " + db->path() + " has schema version " +
                                                std::to_string(*current) +
                                                " and cannot be upgraded to " +
                                                std::to_string(target) + " without writing to it");
    for (;;) {
      sqlite::Transaction transaction(*db);
      if (!transaction.status().ok()) return transaction.status();
      auto version = db->QueryInt("PRAGMA user_version");
      if (!version.ok()) return version.status();
      if (Status usable = CheckVersion(*version); !usable.ok()) return usable;
      if (*version >= target) return transaction.Commit();
      const int v = static_cast<int>(*version);
      Status status = db->Execute(Migrations()[v]);
      if (status.ok()) status = db->Execute("PRAGMA user_version = " + std::to_string(v + 1));
      if (status.ok()) status = transaction.Commit();
      if (!status.ok())
        return status.WithContext("migrating to schema version " + std::to_string(v + 1));
    }
  }

  // A version this foyer can migrate from: 0 (new) up to its latest.
  Status CheckVersion(std::int64_t version) {
    const int latest = static_cast<int>(Migrations().size());
    if (version < 0)
      return Fail(StoreFault::kDamaged, "cache " + db->path() + " has schema version " +
                                            std::to_string(version) +
                                            ", which no foyer writes: the file is damaged");
    if (version > latest)
      return Fail(StoreFault::kNewerSchema,
                  "cache " + db->path() + " has schema version " + std::to_string(version) +
                      ", newer than this foyer (" + std::to_string(latest) +
                      "): update foyer or delete the cache");
    return Status::Ok();
  }

  // PRAGMA quick_check or integrity_check: ok, or the first problem found.
  Status Check(const char* pragma) {
    auto statement = sqlite::Statement::Prepare(*db, std::string("PRAGMA ") + pragma);
    if (!statement.ok()) return statement.status();
    std::string first = statement->Step() ? statement->Text(0) : "no answer";
    if (!statement->status().ok()) return statement->status();
    if (first == "ok") return Status::Ok();
    return Fail(StoreFault::kDamaged, "cache " + db->path() + " is damaged: " + first);
  }

  static const char* FeedStateTable(FeedKind kind) {
    return kind == FeedKind::kAnnouncements ? "announcements_feed_state" : "feed_state";
  }

  Status WriteFeedState(const FeedState& state, FeedKind kind) {
    auto statement = sqlite::Statement::Prepare(
        *db, std::string("INSERT OR REPLACE INTO ") + FeedStateTable(kind) +
                 "(id, url, etag, last_modified, content_hash,"
                 " last_sync, last_change, url_hash, verified_key)"
                 " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!statement.ok()) return statement.status();
    return statement->Bind(1, state.url)
        .Bind(2, state.etag)
        .Bind(3, state.last_modified)
        .Bind(4, state.content_hash)
        .Bind(5, state.last_sync)
        .Bind(6, state.last_change)
        .Bind(7, state.url_hash)
        .Bind(8, state.verified_key)
        .Run();
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

namespace {

// A file path, not ":memory:" or a "file:" URI.
bool IsFilePath(const std::string& path) {
  return path != ":memory:" && path.rfind("file:", 0) != 0;
}

// A cache path that names something other than a file (/dev/null, a folder).
Status CheckIsFile(const std::string& path) {
  struct stat info {};
  if (!IsFilePath(path) || stat(path.c_str(), &info) != 0 || S_ISREG(info.st_mode))
    return Status::Ok();
  return Status::Error("cache " + path + " is " +
                       (S_ISDIR(info.st_mode) ? "a folder" : "a device or other special file") +
                       ", not a file; set cache.path to a file such as /var/lib/foyer/cache.db");
}

// Creates a missing cache file readable by its owner only; SQLite gives its
// -wal and -shm the same permissions. A fresh board has no cache folder yet.
void CreatePrivately(const std::string& path) {
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) close(fd);
}

// Takes group and other permissions from an existing cache made by an older foyer.
void MakePrivate(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::string file = path + suffix;
    struct stat info {};
    if (stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode) && (info.st_mode & 077) &&
        info.st_uid == geteuid())
      chmod(file.c_str(), info.st_mode & 0700);
  }
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options,
                                           StoreFault* fault) {
  StoreFault ignored;
  return OpenChecked(path, options, LatestSchemaVersion(), fault ? *fault : ignored);
}

Status Store::Inspect(const std::string& path, StoreFault* fault) {
  StoreFault ignored;
  // Target version 0: any version this foyer knows is read as it is.
  return OpenChecked(path, {.read_only = true, .create = false, .quick_check = true}, 0,
                     fault ? *fault : ignored)
      .status();
}

Result<std::unique_ptr<Store>> Store::OpenChecked(const std::string& path,
                                                  const StoreOptions& options, int version,
                                                  StoreFault& fault) {
  fault = StoreFault::kNone;
  if (Status is_file = CheckIsFile(path); !is_file.ok()) {
    fault = StoreFault::kCannotWrite;
    return is_file;
  }
  auto store = OpenWith(path, options, version, fault);
  // Read-only media: without a -shm file SQLite cannot take its locks; read
  // the file as it is, since nothing can write it.
  if (!store.ok() && options.read_only && fault == StoreFault::kCannotWrite) {
    StoreFault immutable_fault = StoreFault::kNone;
    auto immutable = OpenWith(path, options, version, immutable_fault, true);
    if (immutable.ok() || immutable_fault != StoreFault::kCannotWrite) {
      fault = immutable_fault;
      return immutable;
    }
  }
  return store;
}

Result<std::unique_ptr<Store>> Store::OpenAtVersion(const std::string& path, int version) {
  StoreFault ignored;
  return OpenWith(path, StoreOptions{}, version, ignored);
}

Result<std::unique_ptr<Store>> Store::OpenWith(const std::string& path, const StoreOptions& options,
                                               int version, StoreFault& fault, bool immutable) {
  const bool writes = !options.read_only;
  if (writes && options.create && IsFilePath(path)) CreatePrivately(path);
  sqlite::Failure failure = sqlite::Failure::kNone;
  auto db = sqlite::Database::Open(
      path, {.read_only = !writes, .create = options.create, .immutable = immutable}, &failure);
  if (!db.ok()) {
    fault = failure == sqlite::Failure::kDamaged ? StoreFault::kDamaged : StoreFault::kCannotWrite;
    return db.status();
  }
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  Status status = impl->Configure(!writes);
  if (status.ok()) status = impl->Migrate(version, !writes);
  if (status.ok() && options.quick_check) status = impl->Check("quick_check(1)");
  if (!status.ok()) {
    fault = impl->Fault();
    return status;
  }
  impl->db->TakeFailure();  // what failed on the way (a busy retry) is no fault
  if (writes && IsFilePath(path)) MakePrivate(path);
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

namespace {

Status InsertScheduleMeta(sqlite::Database& db, const Schedule& schedule) {
  auto meta = sqlite::Statement::Prepare(db, "INSERT INTO schedule_meta VALUES (?, ?)");
  if (!meta.ok()) return meta.status();
  const std::pair<const char*, const std::string*> fields[] = {
      {"title", &schedule.title},
      {"acronym", &schedule.acronym},
      {"version", &schedule.version},
      {"time_zone_name", &schedule.time_zone_name}};
  for (auto& [key, value] : fields)
    if (Status status = meta->Bind(1, key).Bind(2, *value).Run(); !status.ok()) return status;
  return Status::Ok();
}

Status InsertRooms(sqlite::Database& db, const std::vector<Room>& rooms) {
  auto room = sqlite::Statement::Prepare(db, "INSERT INTO rooms VALUES (?, ?, ?)");
  if (!room.ok()) return room.status();
  for (size_t i = 0; i < rooms.size(); ++i) {
    const Room& r = rooms[i];
    Status status =
        room->Bind(1, static_cast<std::int64_t>(i)).Bind(2, r.name).Bind(3, r.slug).Run();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Each session at its position in the feed, and its speakers in order.
Status InsertSessions(sqlite::Database& db, const std::vector<Session>& sessions) {
  auto session = sqlite::Statement::Prepare(db, SessionInsertSql());
  auto speaker = sqlite::Statement::Prepare(db, "INSERT INTO speakers VALUES (?, ?, ?)");
  if (!session.ok()) return session.status();
  if (!speaker.ok()) return speaker.status();
  for (size_t i = 0; i < sessions.size(); ++i) {
    const Session& s = sessions[i];
    auto position = static_cast<std::int64_t>(i);
    Status status = BindSession(*session, position, s).Run();
    if (!status.ok()) return status;
    for (size_t k = 0; k < s.speakers.size(); ++k) {
      status = speaker->Bind(1, position)
                   .Bind(2, static_cast<std::int64_t>(k))
                   .BindUnowned(3, s.speakers[k])
                   .Run();
      if (!status.ok()) return status;
    }
  }
  return Status::Ok();
}

}  // namespace

Status Store::ReplaceSchedule(const Schedule& schedule, const FeedState& state) {
  sqlite::Database& db = *impl_->db;
  sqlite::Transaction transaction(db);
  if (!transaction.status().ok()) return transaction.status();
  Status status = db.Execute(
      "DELETE FROM speakers; DELETE FROM sessions; DELETE FROM rooms;"
      " DELETE FROM schedule_meta;");
  if (!status.ok()) return status;
  if (status = InsertScheduleMeta(db, schedule); !status.ok()) return status;
  if (status = InsertRooms(db, schedule.rooms); !status.ok()) return status;
  if (status = InsertSessions(db, schedule.sessions); !status.ok()) return status;
  if (status = impl_->WriteFeedState(state, FeedKind::kSchedule); !status.ok()) return status;
  status = transaction.Commit();
  if (status.ok()) ++impl_->own_commits;
  return status;
}

Status Store::ReplaceAnnouncements(const std::vector<Announcement>& announcements,
                                   const FeedState& state) {
  sqlite::Database& db = *impl_->db;
  sqlite::Transaction transaction(db);
  if (!transaction.status().ok()) return transaction.status();
  Status status = db.Execute("DELETE FROM announcements");
  if (!status.ok()) return status;
  auto insert =
      sqlite::Statement::Prepare(db, "INSERT INTO announcements VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  for (size_t i = 0; i < announcements.size(); ++i) {
    const Announcement& a = announcements[i];
    std::string rooms;
    for (const std::string& room : a.rooms) rooms += (rooms.empty() ? "" : "\n") + room;
    status = insert->Bind(1, static_cast<std::int64_t>(i))
                 .Bind(2, a.id)
                 .Bind(3, a.text)
                 .Bind(4, std::string(kAnnouncementLevelNames.Name(a.level)))
                 .Bind(5, rooms)
                 .Bind(6, a.starts)
                 .Bind(7, a.ends)
                 .Run();
    if (!status.ok()) return status;
  }
  if (status = impl_->WriteFeedState(state, FeedKind::kAnnouncements); !status.ok()) return status;
  status = transaction.Commit();
  if (status.ok()) ++impl_->own_commits;
  return status;
}

Result<std::vector<Announcement>> Store::LoadAnnouncements() {
  auto select = sqlite::Statement::Prepare(
      *impl_->db,
      "SELECT id, text, level, rooms, starts, ends FROM announcements ORDER BY position");
  if (!select.ok()) return select.status();
  std::vector<Announcement> announcements;
  while (select->Step()) {
    Announcement a;
    a.id = select->Text(0);
    a.text = select->Text(1);
    // Written by SaveAnnouncements from the same table; a level this foyer
    // does not know (a newer one's) is shown as information.
    a.level = kAnnouncementLevelNames.Parse(select->Text(2)).value_or(AnnouncementLevel::kInfo);
    std::string rooms = select->Text(3);
    for (size_t start = 0; start < rooms.size();) {
      size_t end = rooms.find('\n', start);
      if (end == std::string::npos) end = rooms.size();
      a.rooms.push_back(rooms.substr(start, end - start));
      start = end + 1;
    }
    a.starts = select->Int(4);
    a.ends = select->Int(5);
    announcements.push_back(std::move(a));
  }
  if (!select->status().ok()) return select->status();
  return announcements;
}

Result<Schedule> Store::LoadSchedule() {
  sqlite::Database& db = *impl_->db;
  // One read transaction, so the schedule is read from a single snapshot even
  // while the sync thread replaces it.
  if (Status status = db.Execute("BEGIN"); !status.ok()) return status;
  struct EndRead {
    sqlite::Database& db;
    ~EndRead() { db.Execute("COMMIT"); }
  } end_read{db};

  Schedule schedule;
  auto meta = sqlite::Statement::Prepare(db, "SELECT key, value FROM schedule_meta");
  if (!meta.ok()) return meta.status();
  while (meta->Step()) {
    std::string key = meta->Text(0);
    std::string value = meta->Text(1);
    if (key == "title") schedule.title = value;
    if (key == "acronym") schedule.acronym = value;
    if (key == "version") schedule.version = value;
    if (key == "time_zone_name") schedule.time_zone_name = value;
  }
  auto rooms = sqlite::Statement::Prepare(db, "SELECT name, slug FROM rooms ORDER BY position");
  if (!rooms.ok()) return rooms.status();
  while (rooms->Step()) schedule.rooms.push_back({rooms->Text(0), rooms->Text(1)});

  auto sessions = sqlite::Statement::Prepare(db, SessionSelectSql());
  if (!sessions.ok()) return sessions.status();
  while (sessions->Step()) schedule.sessions.push_back(ReadSession(*sessions));
  auto speakers = sqlite::Statement::Prepare(
      db, "SELECT session, name FROM speakers ORDER BY session, ordinal");
  if (!speakers.ok()) return speakers.status();
  while (speakers->Step()) {
    auto position = static_cast<size_t>(speakers->Int(0));
    if (position < schedule.sessions.size())
      schedule.sessions[position].speakers.push_back(speakers->Text(1));
  }
  for (auto* statement : {&*meta, &*rooms, &*sessions, &*speakers})
    if (!statement->status().ok()) return statement->status();
  return schedule;
}

Result<FeedState> Store::LoadFeedState(FeedKind kind) {
  auto statement = sqlite::Statement::Prepare(
      *impl_->db, std::string("SELECT url, etag, last_modified, content_hash, last_sync,"
                              " last_change, url_hash, verified_key FROM ") +
                      Impl::FeedStateTable(kind));
  if (!statement.ok()) return statement.status();
  FeedState state;
  if (statement->Step()) {
    state.url = statement->Text(0);
    state.etag = statement->Text(1);
    state.last_modified = statement->Text(2);
    state.content_hash = statement->Text(3);
    state.last_sync = statement->Int(4);
    state.last_change = statement->Int(5);
    state.url_hash = statement->Text(6);
    state.verified_key = statement->Text(7);
  }
  if (!statement->status().ok()) return statement->status();
  return state;
}

Result<std::int64_t> Store::ChangeCounter() {
  auto version = impl_->db->QueryInt("PRAGMA data_version");
  if (!version.ok()) return version.status();
  return *version + impl_->own_commits;
}

Result<int> Store::SchemaVersion() {
  auto version = impl_->db->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  return static_cast<int>(*version);
}

Status Store::CheckIntegrity() { return impl_->Check("integrity_check"); }

Status Store::QuickCheck() { return impl_->Check("quick_check(1)"); }

StoreFault Store::fault() { return impl_->Fault(); }

const std::string& Store::fault_message() {
  impl_->Fault();
  return impl_->fault_message;
}

StoreFault Store::TakeFault() {
  StoreFault fault = impl_->Fault();
  impl_->fault = StoreFault::kNone;
  impl_->fault_message.clear();
  return fault;
}

bool Store::FileHasMoved() { return impl_->db->FileHasMoved(); }

Status Store::CopyInto(Store& destination) {
  Status status = impl_->db->CopyInto(*destination.impl_->db);
  if (status.ok()) ++destination.impl_->own_commits;
  return status;
}

const std::string& Store::path() const { return impl_->db->path(); }

}  // namespace foyer
