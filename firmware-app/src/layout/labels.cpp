#include "layout/labels.h"

#include <array>
#include <map>

namespace foyer {
namespace {

struct Texts {
  std::string en, kk, ru, ko;
};

const std::map<Label, Texts>& Table() {
  static const std::map<Label, Texts> table = {
      {Label::kNow, {"Now", "Қазір", "Сейчас", "지금"}},
      {Label::kNext, {"Next", "Келесі", "Далее", "다음"}},
      {Label::kBreak, {"Break", "Үзіліс", "Перерыв", "휴식"}},
      {Label::kNextAt, {"Next at", "Келесісі", "Далее в", "다음 시작"}},
      {Label::kDayOver,
       {"That's all for today", "Бүгінге осы", "На сегодня всё", "오늘 일정 종료"}},
      {Label::kResumes, {"Resumes", "Жалғасы", "Продолжение", "재개"}},
      {Label::kTomorrow, {"tomorrow", "ертең", "завтра", "내일"}},
      {Label::kBeforeEvent, {"Starts", "Басталады", "Начало", "시작"}},
      {Label::kAfterEvent,
       {"The event has ended. Thank you!", "Іс-шара аяқталды. Рахмет!",
        "Мероприятие завершено. Спасибо!", "행사가 끝났습니다. 감사합니다!"}},
      {Label::kWaiting,
       {"Waiting for the schedule", "Кесте күтілуде", "Ожидание расписания", "일정을 기다리는 중"}},
      {Label::kUpdated, {"Updated", "Жаңартылды", "Обновлено", "업데이트"}},
      {Label::kMinutesLeft, {"min left", "мин қалды", "мин осталось", "분 남음"}},
      {Label::kNothingNow,
       {"Nothing on now", "Қазір ештеңе жоқ", "Сейчас ничего нет", "진행 중인 세션 없음"}},
      {Label::kRoom, {"Room", "Зал", "Зал", "회의실"}},
      {Label::kEnds, {"until", "дейін", "до", "까지"}},
      {Label::kCancelled, {"Cancelled", "Болмайды", "Отменено", "취소"}},
      {Label::kMovedFrom, {"moved from", "бұрын", "перенесено с", "변경 전"}},
      {Label::kNowIn, {"now in", "жаңа орны", "теперь в", "장소 변경"}},
      {Label::kFull, {"Full", "Орын жоқ", "Мест нет", "만석"}},
      {Label::kRoomFull,
       {"Room full — please choose another session", "Залда орын жоқ — басқа сессияны таңдаңыз",
        "Зал заполнен — выберите, пожалуйста, другую сессию",
        "만석입니다 — 다른 세션을 선택해 주세요"}},
      {Label::kWaitingClock,
       {"Waiting for the correct time", "Дұрыс уақыт күтілуде", "Ожидание точного времени",
        "정확한 시간을 기다리는 중"}},
  };
  return table;
}

}  // namespace

const std::string& LabelText(Label label, Language language) {
  const Texts& texts = Table().at(label);
  switch (language) {
    case Language::kKazakh:
      return texts.kk;
    case Language::kRussian:
      return texts.ru;
    case Language::kKorean:
      return texts.ko;
    case Language::kEnglish:
      break;
  }
  return texts.en;
}

std::string LabelTexts(Label label, const std::vector<Language>& languages) {
  std::string joined;
  for (Language language : languages) {
    const std::string& text = LabelText(label, language);
    if (joined.find(text) != std::string::npos) continue;
    if (!joined.empty()) joined += " · ";
    joined += text;
  }
  return joined.empty() ? LabelText(label, Language::kEnglish) : joined;
}

}  // namespace foyer
