#include "render/renderer.h"

#include <qrencode.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "base/log.h"
#include "base/utf8.h"
#include "layout/shown_text.h"
#include "render/png.h"

namespace foyer {
namespace {

// What a cached image costs besides its pixels and its path's bytes: a hash
// node with the path's std::string (libstdc++ on 64 bits, roughly).
constexpr std::size_t kImageEntryBytes = 64;

std::string CacheKey(const TextStyle& style, const Color& color, const std::string& text) {
  std::string key =
      std::to_string(style.pixel_size) + "/" + std::to_string(static_cast<int>(style.weight)) + "/";
  key += {static_cast<char>(color.r), static_cast<char>(color.g), static_cast<char>(color.b),
          static_cast<char>(color.a)};
  key += text;
  return key;
}

// Gives white text on a transparent ARGB8888 surface its colour, exactly as
// SDL's colour and alpha modulation would when it is drawn (each channel
// times the colour's over 255), so the draw needs no modulation.
void TintWhite(SDL_Surface* surface, const Color& color) {
  const Uint32 rgb = (Uint32{color.r} << 16) | (Uint32{color.g} << 8) | color.b;
  for (int y = 0; y < surface->h; ++y) {
    auto* row = reinterpret_cast<Uint32*>(static_cast<Uint8*>(surface->pixels) +
                                          static_cast<std::ptrdiff_t>(y) * surface->pitch);
    if (color.a == 255) {  // most text: the alpha stays; two pixels at a time
      const std::uint64_t alphas = 0xFF000000FF000000u, colours = std::uint64_t{rgb} << 32 | rgb;
      int x = 0;
      for (; x + 2 <= surface->w; x += 2) {
        std::uint64_t pair;
        std::memcpy(&pair, row + x, sizeof pair);
        pair = (pair & alphas) | colours;
        std::memcpy(row + x, &pair, sizeof pair);
      }
      if (x < surface->w) row[x] = (row[x] & 0xFF000000u) | rgb;
      continue;
    }
    for (int x = 0; x < surface->w; ++x) {
      const Uint32 alpha = (row[x] >> 24) * color.a / 255;
      row[x] = alpha << 24 | rgb;
    }
  }
}

struct SurfaceDeleter {
  void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

// One run of a line, as SDL_ttf drew it.
struct RunImage {
  SurfacePtr surface;
  int top;  // relative to the line's top
};

// The rows of a surface SDL_ttf drew that hold ink (alpha above 0): first
// to end, empty when first == end. Only those are kept in a texture: the
// rest of a font's height (room for accents above capitals, for descenders
// below) is transparent, and drawing it would change no pixel.
struct InkRows {
  int first = 0, end = 0;
};

bool RowHasInk(const SDL_Surface* surface, int y) {
  const auto* pixels = reinterpret_cast<const Uint32*>(
      static_cast<const Uint8*>(surface->pixels) + static_cast<std::ptrdiff_t>(y) * surface->pitch);
  for (int x = 0; x < surface->w; ++x)
    if (pixels[x] >> 24) return true;
  return false;
}

// REQUIRES: surface is ARGB8888 (SDL_ttf's blended text is).
InkRows InkRowsOf(const SDL_Surface* surface) {
  InkRows ink;
  while (ink.first < surface->h && !RowHasInk(surface, ink.first)) ++ink.first;
  ink.end = surface->h;
  while (ink.end > ink.first && !RowHasInk(surface, ink.end - 1)) --ink.end;
  return ink;
}

// The runs side by side in one ARGB8888 surface `width` wide, rows `top` to
// `bottom` of the line. A single run is not copied: the surface returned
// shows its rows in place, and lives no longer than `images`. Null when SDL
// cannot make the surface.
SurfacePtr ComposeLine(std::vector<RunImage>& images, int width, int top, int bottom) {
  if (images.size() == 1 && images.front().surface->format->format == SDL_PIXELFORMAT_ARGB8888) {
    SDL_Surface* only = images.front().surface.get();
    auto* first_row = static_cast<Uint8*>(only->pixels) +
                      static_cast<std::ptrdiff_t>(top - images.front().top) * only->pitch;
    return SurfacePtr(SDL_CreateRGBSurfaceWithFormatFrom(first_row, only->w, bottom - top, 32,
                                                         only->pitch, SDL_PIXELFORMAT_ARGB8888));
  }
  SurfacePtr line(SDL_CreateRGBSurfaceWithFormat(0, width, bottom - top, 32,
                                                 SDL_PIXELFORMAT_ARGB8888));  // transparent
  if (!line) return line;
  int x = 0;
  for (RunImage& image : images) {
    // Runs do not overlap: copy their pixels, alpha included, instead of blending
    // onto transparent black (which would darken the edges).
    SDL_SetSurfaceBlendMode(image.surface.get(), SDL_BLENDMODE_NONE);
    SDL_Rect at{x, image.top - top, image.surface->w, image.surface->h};
    SDL_BlitSurface(image.surface.get(), nullptr, line.get(), &at);
    x += image.surface->w;
  }
  return line;
}

// Rows from the top of a surface TTF_RenderUTF8_Blended makes for text to the
// underline SDL_ttf draws under it: the row most covered by ink.
int UnderlineRow(TTF_Font* font, const std::string& text) {
  const int style = TTF_GetFontStyle(font);
  TTF_SetFontStyle(font, style | TTF_STYLE_UNDERLINE);
  SurfacePtr surface(TTF_RenderUTF8_Blended(font, text.c_str(), SDL_Color{255, 255, 255, 255}));
  TTF_SetFontStyle(font, style);
  if (!surface || surface->format->format != SDL_PIXELFORMAT_ARGB8888) return -1;
  int row = -1, most = 0;
  for (int y = 0; y < surface->h; ++y) {
    const auto* pixels = reinterpret_cast<const Uint32*>(
        static_cast<const Uint8*>(surface->pixels) + y * surface->pitch);
    int inked = 0;
    for (int x = 0; x < surface->w; ++x) inked += (pixels[x] >> 24) >= 128;
    if (inked > most) most = inked, row = y;
  }
  return row;
}

// Where the baseline lies in a surface TTF_RenderUTF8_Blended made for text.
// SDL_ttf puts it at the font's ascent, lowered by however far a glyph rises
// above the ascent. It does not say by how much; the glyphs' metrics do,
// unless HarfBuzz stacked combining marks: then the text is drawn again
// underlined, and the underline, whose distance from the baseline is the
// font's own (seen under "x", which rises above nothing), shows where it is.
int BaselineInSurface(TTF_Font* font, const std::string& text, const SDL_Surface* surface) {
  int ascent = TTF_FontAscent(font);
  if (surface->h <= TTF_FontHeight(font)) return ascent;
  int highest = 0;
  bool marks = false;
  for (char32_t c : DecodeUtf8(text)) {
    int min_x, max_x, min_y, max_y, advance;
    marks = marks || IsCombiningMark(c);
    if (TTF_GlyphIsProvided32(font, c) &&
        TTF_GlyphMetrics32(font, c, &min_x, &max_x, &min_y, &max_y, &advance) == 0)
      highest = std::max(highest, max_y);
  }
  if (marks) {
    const int underline = UnderlineRow(font, text), plain = UnderlineRow(font, "x");
    if (underline >= 0 && plain >= 0) return ascent + std::max(0, underline - plain);
  }
  return ascent + std::max(0, highest - ascent);
}

}  // namespace

Painter::Painter(SDL_Renderer* renderer, FontChain* fonts, PainterOptions options)
    : renderer_(renderer), fonts_(fonts), options_(options) {
  options_.keep_unused_frames = std::max(1, options_.keep_unused_frames);
}

Painter::~Painter() { ReleaseTextures(); }

void Painter::ReleaseTextures() {
  for (auto& [key, entry] : cache_) Destroy(entry);
  cache_.clear();
  for (auto& [path, image] : images_)
    if (image.texture) SDL_DestroyTexture(image.texture);
  images_.clear();
  image_bytes_ = 0;
  stats_.textures_live = 0;
  stats_.texture_bytes = 0;
  has_last_ = false;
}

void Painter::Destroy(CachedText& entry) {
  if (!entry.texture) return;
  SDL_DestroyTexture(entry.texture);
  entry.texture = nullptr;
  stats_.textures_live -= 1;
  stats_.texture_bytes -= static_cast<std::size_t>(entry.width) * entry.height * 4;
}

bool Painter::DrawIfChanged(const DisplayList& list) {
  if (has_last_ && list == last_) return false;
  Draw(list);
  return true;
}

void Painter::Draw(const DisplayList& list) {
  ++frame_;
  ++stats_.frames;
  const Color& background = list.background;
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer_, background.r, background.g, background.b, background.a);
  SDL_RenderClear(renderer_);
  for (const DrawItem& item : list.items) {
    if (const FillRect* fill = std::get_if<FillRect>(&item)) {
      if (fill->color.a == 0 || fill->rect.w <= 0 || fill->rect.h <= 0) continue;
      SDL_SetRenderDrawBlendMode(renderer_,
                                 fill->color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
      SDL_SetRenderDrawColor(renderer_, fill->color.r, fill->color.g, fill->color.b, fill->color.a);
      SDL_Rect rect{fill->rect.x, fill->rect.y, fill->rect.w, fill->rect.h};
      SDL_RenderFillRect(renderer_, &rect);
    } else if (const foyer::DrawText* text = std::get_if<foyer::DrawText>(&item)) {
      DrawText(*text);
    } else if (const foyer::DrawQr* qr = std::get_if<foyer::DrawQr>(&item)) {
      DrawQr(*qr);
    } else {
      DrawImage(std::get<foyer::DrawImage>(item));
    }
  }
  Evict();
  EvictImages();
  last_ = list;
  has_last_ = true;
}

SDL_Texture* Painter::LoadImage(const std::string& path) {
  const std::size_t cap = options_.max_image_bytes;
  auto png = ReadPng(
      path, cap > kImageEntryBytes + path.size() ? cap - kImageEntryBytes - path.size() : 0);
  if (!png.ok()) {
    LogWarning("cannot draw the logo: " + png.status().message());
    return nullptr;
  }
  SDL_Texture* texture = nullptr;
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(
      png->rgba.data(), png->width, png->height, 32, png->width * 4, SDL_PIXELFORMAT_RGBA8888);
  if (surface) {
    texture = SDL_CreateTextureFromSurface(renderer_, surface);
    SDL_FreeSurface(surface);
  }
  if (texture) {
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
  }
  return texture;
}

void Painter::DrawImage(const foyer::DrawImage& image) {
  auto found = images_.find(image.path);
  if (found == images_.end()) {
    CachedImage entry;
    entry.texture = LoadImage(image.path);  // null: not tried again while cached
    int width = 0, height = 0;
    if (entry.texture) SDL_QueryTexture(entry.texture, nullptr, nullptr, &width, &height);
    entry.bytes =
        static_cast<std::size_t>(width) * height * 4 + image.path.size() + kImageEntryBytes;
    image_bytes_ += entry.bytes;
    found = images_.emplace(image.path, entry).first;
  }
  found->second.last_frame = frame_;
  SDL_Texture* texture = found->second.texture;
  int width = 0, height = 0;
  if (!texture || SDL_QueryTexture(texture, nullptr, nullptr, &width, &height) != 0 || !width ||
      !height)
    return;
  double scale = std::min(double(image.rect.w) / width, double(image.rect.h) / height);
  SDL_Rect target{image.rect.x, image.rect.y + (image.rect.h - int(height * scale)) / 2,
                  int(width * scale), int(height * scale)};
  SDL_RenderCopy(renderer_, texture, nullptr, &target);
}

void Painter::DrawQr(const foyer::DrawQr& qr) {
  if (qr.data.size() > kMaxQrDataBytes) return;  // no QR code holds it
  if (qr.data != qr_data_) {
    qr_data_ = qr.data;
    qr_modules_.clear();
    qr_size_ = 0;
    QRcode* code = QRcode_encodeString(qr.data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code) {
      qr_size_ = code->width;
      qr_modules_.resize(static_cast<size_t>(qr_size_) * qr_size_);
      for (int i = 0; i < qr_size_ * qr_size_; ++i) qr_modules_[i] = code->data[i] & 1;
      QRcode_free(code);
    } else {
      LogWarning("cannot make a QR code of " + qr.data.substr(0, 80));
    }
  }
  if (qr_size_ == 0) return;
  // A quiet zone of four modules on every side, as scanners expect.
  const int modules = qr_size_ + 8;
  const int module = qr.rect.w / modules;
  if (module < 1) return;
  const int side = module * modules;
  const int x0 = qr.rect.x + (qr.rect.w - side) / 2, y0 = qr.rect.y + (qr.rect.h - side) / 2;
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer_, 255, 255, 255, 255);
  SDL_Rect light{x0, y0, side, side};
  SDL_RenderFillRect(renderer_, &light);
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
  std::vector<SDL_Rect> dark;
  for (int y = 0; y < qr_size_; ++y)
    for (int x = 0; x < qr_size_; ++x)
      if (qr_modules_[static_cast<size_t>(y) * qr_size_ + x])
        dark.push_back({x0 + (x + 4) * module, y0 + (y + 4) * module, module, module});
  SDL_RenderFillRects(renderer_, dark.data(), static_cast<int>(dark.size()));
}

std::string Painter::Visible(const std::string& text, const TextStyle& style) {
  int width = 0, height = 0;
  if (SDL_GetRendererOutputSize(renderer_, &width, &height) != 0) width = height = kMaxPanelSide;
  const size_t clusters = MaxClustersIn(std::max(width, height), style);
  return ShownPrefix(text, clusters, Whitespace::kKeep).text;
}

void Painter::DrawText(const foyer::DrawText& text) {
  if (text.text.empty() || text.color.a == 0) return;
  std::string visible = Visible(text.text, text.style);
  std::string key = CacheKey(text.style, text.color, visible);
  auto found = cache_.find(key);
  if (found != cache_.end()) {
    ++stats_.cache_hits;
  } else {
    ++stats_.cache_misses;
    found = cache_.emplace(std::move(key), Rasterize(visible, text.style, text.color)).first;
  }
  CachedText& entry = found->second;
  entry.last_frame = frame_;
  if (!entry.texture) return;
  SDL_Rect destination{text.x, text.y + entry.top, entry.width, entry.height};
  SDL_RenderCopy(renderer_, entry.texture, nullptr, &destination);
}

Painter::CachedText Painter::Rasterize(const std::string& text, const TextStyle& style,
                                       const Color& color) {
  const SDL_Color white{255, 255, 255, 255};
  const LineMetrics metrics = fonts_->Metrics(style);
  std::vector<RunImage> images;
  int width = 0, top = 0, bottom = 0;  // top and bottom: of the ink, in the line box
  bool inked = false;
  for (const TextRun& run : fonts_->Runs(text, style)) {
    TTF_Font* font = fonts_->FontForRun(run, style);
    if (!font) continue;  // a font that will not open: logged once
    // Shaped once, to draw: SDL_ttf refuses a run of only zero-width marks,
    // which is nothing to see; only another refusal is worth a warning.
    SurfacePtr surface(TTF_RenderUTF8_Blended(font, run.text.c_str(), white));
    if (!surface) {
      int run_width = 0, run_height = 0;
      if (TTF_SizeUTF8(font, run.text.c_str(), &run_width, &run_height) != 0 || run_width > 0)
        LogWarning("render: cannot draw \"" + run.text + "\": " + TTF_GetError());
      continue;
    }
    int run_top = metrics.ascent - BaselineInSurface(font, run.text, surface.get());
    if (surface->format->format == SDL_PIXELFORMAT_ARGB8888) {
      const InkRows ink = InkRowsOf(surface.get());
      if (ink.end > ink.first) {
        top = inked ? std::min(top, run_top + ink.first) : run_top + ink.first;
        bottom = inked ? std::max(bottom, run_top + ink.end) : run_top + ink.end;
        inked = true;
      }
    } else {  // not SDL_ttf's usual: all of it
      top = inked ? std::min(top, run_top) : run_top;
      bottom = inked ? std::max(bottom, run_top + surface->h) : run_top + surface->h;
      inked = true;
    }
    width += surface->w;
    images.push_back({std::move(surface), run_top});
  }
  CachedText entry;
  // Ink stays in the line box: marks stacked above or below it are cut off.
  top = std::max(top, 0);
  bottom = std::min(bottom, metrics.line_height);
  if (!inked || width <= 0 || bottom <= top) return entry;

  SurfacePtr line = ComposeLine(images, width, top, bottom);
  if (!line) {
    LogWarning("render: cannot make a " + std::to_string(width) + "x" +
               std::to_string(bottom - top) + " surface for \"" + text + "\": " + SDL_GetError());
    return entry;
  }
  TintWhite(line.get(), color);
  entry.texture = SDL_CreateTextureFromSurface(renderer_, line.get());
  if (!entry.texture) {
    LogWarning("render: cannot make a texture for \"" + text + "\": " + SDL_GetError());
    return entry;
  }
  SDL_SetTextureBlendMode(entry.texture, SDL_BLENDMODE_BLEND);
  entry.top = top;
  entry.width = line->w;
  entry.height = line->h;
  stats_.textures_live += 1;
  stats_.texture_bytes += static_cast<std::size_t>(entry.width) * entry.height * 4;
  return entry;
}

void Painter::Evict() {
  const std::uint64_t keep = static_cast<std::uint64_t>(options_.keep_unused_frames);
  for (auto it = cache_.begin(); it != cache_.end();) {
    if (frame_ - it->second.last_frame >= keep) {
      if (it->second.texture) ++stats_.evictions;
      Destroy(it->second);
      it = cache_.erase(it);
    } else {
      ++it;
    }
  }
  if (stats_.texture_bytes <= options_.max_texture_bytes) return;
  std::vector<std::pair<std::uint64_t, std::string>> by_age;
  for (const auto& [key, entry] : cache_)
    if (entry.last_frame < frame_) by_age.emplace_back(entry.last_frame, key);
  std::sort(by_age.begin(), by_age.end());
  for (const auto& [last_frame, key] : by_age) {
    if (stats_.texture_bytes <= options_.max_texture_bytes) break;
    auto it = cache_.find(key);
    if (it->second.texture) ++stats_.evictions;
    Destroy(it->second);
    cache_.erase(it);
  }
}

void Painter::EvictImages() {
  if (image_bytes_ <= options_.max_image_bytes) return;
  std::vector<std::pair<std::uint64_t, std::string>> by_age;
  for (const auto& [path, image] : images_)
    if (image.last_frame < frame_) by_age.emplace_back(image.last_frame, path);
  std::sort(by_age.begin(), by_age.end());
  for (const auto& [last_frame, path] : by_age) {
    if (image_bytes_ <= options_.max_image_bytes) break;
    auto it = images_.find(path);
    if (it->second.texture) SDL_DestroyTexture(it->second.texture);
    image_bytes_ -= it->second.bytes;
    images_.erase(it);
  }
}

std::vector<CacheSize> Painter::Caches() const {
  return {
      {"text_textures", stats_.textures_live, stats_.texture_bytes, options_.max_texture_bytes},
      {"images", images_.size(), image_bytes_, options_.max_image_bytes},
      {"qr_codes", qr_data_.empty() ? 0u : 1u, qr_data_.size() + qr_modules_.size(), kQrCapBytes}};
}

}  // namespace foyer
