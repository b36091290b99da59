// The languages foyer has UI labels in (display.languages). Venue staff name
// them by ISO 639-1 code; inside foyer a language is this enum. Header-only;
// thread-safe.
#pragma once

#include "base/names.h"

namespace foyer {

enum class Language { kEnglish, kKazakh, kRussian, kKorean };

inline constexpr NameTable<Language, 4> kLanguageCodes{{{
    {Language::kEnglish, "en"},
    {Language::kKazakh, "kk"},
    {Language::kRussian, "ru"},
    {Language::kKorean, "ko"},
}}};

}  // namespace foyer
