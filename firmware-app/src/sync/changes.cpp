#include "sync/changes.h"

#include <map>
#include <string>

namespace foyer {
namespace {

// A key per session: its guid or feed id; with its start when the key repeats.
std::map<std::string, const Session*> Keyed(const Schedule& schedule) {
  std::map<std::string, int> uses;
  auto base = [](const Session& s) { return !s.guid.empty() ? s.guid : "id:" + s.feed_id; };
  for (const Session& s : schedule.sessions)
    if (!s.cancelled) ++uses[base(s)];
  std::map<std::string, const Session*> keyed;
  for (const Session& s : schedule.sessions) {
    if (s.cancelled) continue;
    std::string key = base(s);
    if (key == "id:") continue;  // nothing to match by
    if (uses[key] > 1) key += "@" + std::to_string(s.start);
    keyed.emplace(key, &s);
  }
  return keyed;
}

}  // namespace

Schedule MarkChanges(const Schedule& cached, Schedule fresh) {
  if (cached.sessions.empty()) return fresh;
  std::map<std::string, const Session*> before = Keyed(cached);
  std::map<std::string, const Session*> after = Keyed(fresh);
  size_t matched = 0;
  for (const auto& [key, session] : before) matched += after.count(key);
  if (before.empty() || matched * 2 < before.size()) return fresh;  // regenerated, not edited

  std::map<const Session*, const Session*> old_of;
  for (const auto& [key, session] : after)
    if (auto it = before.find(key); it != before.end()) old_of[session] = it->second;

  for (Session& s : fresh.sessions) {
    auto it = old_of.find(&s);
    if (it == old_of.end()) continue;
    const Session& old = *it->second;
    // Keep the earliest known value of each field, so a talk moved twice still
    // says where it was announced first; forget a mark once the field is back.
    SessionChange change = old.previous;
    auto mark = [](auto& slot, const auto& was, const auto& now_value) {
      if (!slot && was != now_value) slot = was;
      if (slot && *slot == now_value) slot.reset();
    };
    mark(change.start, old.start, s.start);
    mark(change.end, old.end, s.end);
    mark(change.room, old.room, s.room);
    mark(change.title, old.title, s.title);
    s.previous = change;
  }
  // Sessions that disappeared stay, marked cancelled, and so do those cancelled
  // earlier: screens list them until their end (timeline/), whatever the clock
  // of the sync says, so a demo clock and --at show them too.
  for (const auto& [key, old] : before)
    if (!after.count(key)) {
      Session gone = *old;
      gone.cancelled = true;
      fresh.sessions.push_back(gone);
    }
  for (const Session& old : cached.sessions)
    if (old.cancelled) fresh.sessions.push_back(old);
  return fresh;
}

}  // namespace foyer
