#include "feed/announcements.h"

#include <doctest/doctest.h>

#include "base/time.h"

namespace foyer {
namespace {

UnixSeconds At(const char* iso) { return ParseIsoInstant(iso)->utc; }

const char* kFeed = R"({"announcements": [
  {"id": "lunch", "text": "Lunch is served\n in the Atrium", "level": "info", "rooms": [],
   "starts": "2025-10-15T11:55:00+05:00", "ends": "2025-10-15T13:00:00+05:00"},
  {"id": "moved", "text": "Water security moves to Hall B", "level": "warning",
   "rooms": ["Hall A", "Hall B"], "starts": "2025-10-15T12:00:00+05:00",
   "ends": "2025-10-15T16:00:00+05:00"},
  {"id": "fire", "text": "Leave the building", "level": "emergency", "rooms": ["Main Hall"],
   "starts": "2025-10-15T12:30:00+05:00", "ends": "2025-10-15T12:45:00+05:00"}
]})";

TEST_CASE("an announcements feed parses into announcements with UTC instants") {
  auto parsed = ParseAnnouncements(kFeed);
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 3);
  CHECK((*parsed)[0].id == "lunch");
  CHECK((*parsed)[0].text == "Lunch is served in the Atrium");
  CHECK((*parsed)[0].starts == At("2025-10-15T06:55:00Z"));
  CHECK((*parsed)[1].rooms == std::vector<std::string>{"Hall A", "Hall B"});
}

TEST_CASE("only the announcements for this screen's rooms and time are active, emergencies first") {
  auto all = *ParseAnnouncements(kFeed);
  auto main_hall = ActiveAnnouncements(all, {"Main Hall"}, At("2025-10-15T12:35:00+05:00"));
  REQUIRE(main_hall.size() == 2);
  CHECK(main_hall[0].id == "fire");
  CHECK(main_hall[1].id == "lunch");
  auto hall_b = ActiveAnnouncements(all, {"Hall B"}, At("2025-10-15T12:35:00+05:00"));
  REQUIRE(hall_b.size() == 2);
  CHECK(hall_b[0].id == "moved");
  CHECK(ActiveAnnouncements(all, {"Main Hall"}, At("2025-10-15T13:00:00+05:00")).empty());
  CHECK(ActiveAnnouncements(all, {"Main Hall"}, At("2025-10-15T11:00:00+05:00")).empty());
}

TEST_CASE("a full room is an announcement of its own level, and names its rooms") {
  auto full = ParseAnnouncements(
      R"({"announcements": [{"id": "a", "text": "Room full", "level": "full", "rooms": ["Hall A"],
          "starts": "2025-10-15T12:00:00+05:00", "ends": "2025-10-15T13:00:00+05:00"}]})");
  REQUIRE(full.ok());
  CHECK((*full)[0].level == AnnouncementLevel::kFull);
  CHECK(ParseAnnouncements(SerializeAnnouncements(*full)).value() == *full);
  auto everywhere = ParseAnnouncements(
      R"({"announcements": [{"id": "a", "text": "Room full", "level": "full", "rooms": [],
          "starts": "2025-10-15T12:00:00+05:00", "ends": "2025-10-15T13:00:00+05:00"}]})");
  REQUIRE_FALSE(everywhere.ok());
  CHECK(everywhere.status().message() ==
        "announcements[0].rooms: a \"full\" announcement names the rooms that are full");
}

TEST_CASE("broken announcements are refused with the entry and field named") {
  auto bad_level = ParseAnnouncements(
      R"({"announcements": [{"id": "a", "text": "t", "level": "urgent",
          "starts": "2025-10-15T12:00:00+05:00", "ends": "2025-10-15T13:00:00+05:00"}]})");
  REQUIRE_FALSE(bad_level.ok());
  CHECK(bad_level.status().message() ==
        "announcements[0].level: \"urgent\" is not info, warning, emergency or full");
  auto no_offset = ParseAnnouncements(
      R"({"announcements": [{"id": "a", "text": "t", "level": "info",
          "starts": "2025-10-15T12:00", "ends": "2025-10-15T13:00:00+05:00"}]})");
  REQUIRE_FALSE(no_offset.ok());
  CHECK(no_offset.status().message().find("announcements[0].starts") == 0);
  CHECK_FALSE(ParseAnnouncements("<html>").ok());
  CHECK_FALSE(ParseAnnouncements(R"({"announcements": {}})").ok());
  CHECK_FALSE(ParseAnnouncements("{\"announcements\": [\"\xff\"]}").ok());
}

TEST_CASE("announcements written out read back the same") {
  auto all = *ParseAnnouncements(kFeed);
  auto again = ParseAnnouncements(SerializeAnnouncements(all));
  REQUIRE(again.ok());
  CHECK(*again == all);
}

}  // namespace
}  // namespace foyer
