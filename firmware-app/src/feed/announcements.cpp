#include "feed/announcements.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/time.h"
#include "base/utf8.h"
#include "feed/nesting.h"

namespace foyer {

Result<std::vector<Announcement>> ParseAnnouncements(std::string_view bytes) {
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
    return Status::Error("announcements: not UTF-8 (bad byte at offset " + std::to_string(bad) +
                         ")");
  if (Status deep = feed::CheckJsonNesting(bytes); !deep.ok())
    return Status::Error("announcements: " + deep.message());
  nlohmann::json root = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (root.is_discarded()) return Status::Error("announcements: not valid JSON");
  if (!root.is_object() || !root.contains("announcements") || !root["announcements"].is_array())
    return Status::Error("announcements: expected {\"announcements\": [ … ]}");
  std::vector<Announcement> result;
  const nlohmann::json& list = root["announcements"];
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string where = "announcements[" + std::to_string(i) + "]";
    const nlohmann::json& entry = list[i];
    if (!entry.is_object()) return Status::Error(where + ": expected an object");
    auto text_of = [&](const char* key, std::string& out) -> Status {
      auto it = entry.find(key);
      if (it == entry.end() || !it->is_string() || it->get<std::string>().empty())
        return Status::Error(where + "." + key + ": missing or not a text");
      out = it->get<std::string>();
      return Status::Ok();
    };
    Announcement a;
    std::string level, starts, ends;
    for (auto [key, out] : {std::pair<const char*, std::string*>{"id", &a.id},
                            {"text", &a.text},
                            {"level", &level},
                            {"starts", &starts},
                            {"ends", &ends}})
      if (Status status = text_of(key, *out); !status.ok()) return status;
    a.text = CollapseWhitespace(a.text);
    if (a.text.empty())  // spaces and control characters only: nothing to show
      return Status::Error(where +
                           ".text: has nothing to show (only spaces or control "
                           "characters)");
    if (auto known = kAnnouncementLevelNames.Parse(level))
      a.level = *known;
    else
      return Status::Error(where + ".level: \"" + level + "\" is not " +
                           kAnnouncementLevelNames.Choices(""));
    auto start = ParseIsoInstant(starts);
    auto end = ParseIsoInstant(ends);
    if (!start.ok() || !start->has_offset)
      return Status::Error(where + ".starts: \"" + starts + "\" needs a date, time and offset");
    if (!end.ok() || !end->has_offset)
      return Status::Error(where + ".ends: \"" + ends + "\" needs a date, time and offset");
    a.starts = start->utc;
    a.ends = end->utc;
    if (a.ends <= a.starts) return Status::Error(where + ": ends before it starts");
    if (auto rooms = entry.find("rooms"); rooms != entry.end() && !rooms->is_null()) {
      if (!rooms->is_array()) return Status::Error(where + ".rooms: expected a list of room names");
      for (const auto& room : *rooms) {
        if (!room.is_string()) return Status::Error(where + ".rooms: expected room names");
        // Never dropped: an announcement whose every room went would reach all rooms.
        std::string name = CollapseWhitespace(room.get<std::string>());
        if (name.empty()) return Status::Error(where + ".rooms: an empty room name");
        a.rooms.push_back(std::move(name));
      }
    }
    if (a.level == AnnouncementLevel::kFull && a.rooms.empty())
      return Status::Error(where + ".rooms: a \"full\" announcement names the rooms that are full");
    result.push_back(std::move(a));
  }
  return result;
}

std::string SerializeAnnouncements(const std::vector<Announcement>& announcements) {
  nlohmann::json list = nlohmann::json::array();
  for (const Announcement& a : announcements)
    list.push_back({{"id", a.id},
                    {"text", a.text},
                    {"level", kAnnouncementLevelNames.Name(a.level)},
                    {"rooms", a.rooms},
                    {"starts", FormatUtcIso(a.starts)},
                    {"ends", FormatUtcIso(a.ends)}});
  return nlohmann::json{{"announcements", list}}.dump(2) + "\n";
}

std::vector<Announcement> ActiveAnnouncements(const std::vector<Announcement>& all,
                                              const std::vector<std::string>& rooms,
                                              UnixSeconds at) {
  std::vector<Announcement> active;
  for (const Announcement& a : all) {
    if (at < a.starts || at >= a.ends) continue;
    bool for_us = a.rooms.empty();
    for (const std::string& room : a.rooms)
      for_us |= std::find(rooms.begin(), rooms.end(), room) != rooms.end();
    if (for_us) active.push_back(a);
  }
  std::stable_sort(active.begin(), active.end(), [](const Announcement& x, const Announcement& y) {
    return x.level < y.level;  // most urgent first
  });
  return active;
}

}  // namespace foyer
