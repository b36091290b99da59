#include "feed/open_ended.h"

#include <algorithm>
#include <map>
#include <string>

namespace foyer::feed {

void EndOpenEndedSessions(std::vector<Session>& sessions, const std::vector<bool>& open_ended) {
  std::map<std::string, std::vector<UnixSeconds>> starts;  // room → sorted starts
  for (const Session& session : sessions) starts[session.room].push_back(session.start);
  for (auto& [room, list] : starts) std::sort(list.begin(), list.end());
  for (size_t i = 0; i < sessions.size(); ++i) {
    if (!open_ended[i]) continue;
    Session& session = sessions[i];
    const std::vector<UnixSeconds>& list = starts[session.room];
    auto next = std::upper_bound(list.begin(), list.end(), session.start);
    session.end = session.start + kOpenEndedLength;
    if (next != list.end()) session.end = std::min(session.end, *next);
  }
}

}  // namespace foyer::feed
