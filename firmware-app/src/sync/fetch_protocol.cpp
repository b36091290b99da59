#include "sync/fetch_protocol.h"

#include <charconv>
#include <map>

namespace foyer {
namespace {

using FieldMap = std::map<std::string, std::string_view, std::less<>>;

void Put(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(" ").append(std::to_string(value.size())).append("\n");
  out.append(value).append("\n");
}

// The fields of `bytes` by name, or what is wrong with them.
Result<FieldMap> Fields(std::string_view bytes) {
  FieldMap fields;
  while (!bytes.empty()) {
    const auto newline = bytes.find('\n');
    const auto space = bytes.substr(0, newline).find(' ');
    if (newline == std::string_view::npos || space == std::string_view::npos)
      return Status::Error("a field without its \"NAME LENGTH\" line");
    std::size_t length = 0;
    const char* first = bytes.data() + space + 1;
    const char* last = bytes.data() + newline;
    auto [end, error] = std::from_chars(first, last, length);
    if (error != std::errc() || end != last || first == last)
      return Status::Error("a field's length is no number");
    std::string name(bytes.substr(0, space));
    bytes.remove_prefix(newline + 1);
    if (length >= bytes.size() || bytes[length] != '\n')
      return Status::Error("field " + name + " is cut short");
    fields[name] = bytes.substr(0, length);
    bytes.remove_prefix(length + 1);
  }
  return fields;
}

std::string Text(const FieldMap& fields, std::string_view name) {
  auto found = fields.find(name);
  return found == fields.end() ? std::string() : std::string(found->second);
}

// The field as a number; `fallback` when it is absent or no number.
template <typename Number>
Number NumberOf(const FieldMap& fields, std::string_view name, Number fallback) {
  auto found = fields.find(name);
  if (found == fields.end()) return fallback;
  Number number{};
  const std::string_view text = found->second;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size() ? number : fallback;
}

}  // namespace

std::string EncodeRequest(const HttpRequest& request) {
  std::string out;
  Put(out, "url", request.url);
  Put(out, "etag", request.etag);
  Put(out, "last_modified", request.last_modified);
  Put(out, "bearer_token", request.bearer_token);
  Put(out, "ca_file", request.ca_file);
  Put(out, "timeout_seconds", std::to_string(request.timeout_seconds));
  Put(out, "max_bytes", std::to_string(request.max_bytes));
  Put(out, "too_large", request.too_large);
  return out;
}

Result<HttpRequest> DecodeRequest(std::string_view bytes) {
  auto fields = Fields(bytes);
  if (!fields.ok())
    return Status::Error("a request the fetch helper cannot read: " + fields.status().message());
  if (!fields->count("url")) return Status::Error("a request the fetch helper cannot read: no url");
  HttpRequest request;
  request.url = Text(*fields, "url");
  request.etag = Text(*fields, "etag");
  request.last_modified = Text(*fields, "last_modified");
  request.bearer_token = Text(*fields, "bearer_token");
  request.ca_file = Text(*fields, "ca_file");
  request.timeout_seconds = NumberOf(*fields, "timeout_seconds", request.timeout_seconds);
  request.max_bytes = NumberOf(*fields, "max_bytes", request.max_bytes);
  request.too_large = Text(*fields, "too_large");
  return request;
}

std::string EncodeResult(const Result<HttpResponse>& result) {
  std::string out;
  if (!result.ok()) {
    Put(out, "error", result.status().message());
    return out;
  }
  Put(out, "status", std::to_string(result->status));
  Put(out, "etag", result->etag);
  Put(out, "last_modified", result->last_modified);
  Put(out, "content_type", result->content_type);
  Put(out, "body_sha256", result->body_sha256);
  Put(out, "body", result->body);
  return out;
}

Result<HttpResponse> DecodeResult(std::string_view bytes) {
  auto fields = Fields(bytes);
  if (!fields.ok())
    return Status::Error("the fetch helper's answer cannot be read: " + fields.status().message());
  if (auto error = fields->find("error"); error != fields->end())
    return Status::Error(std::string(error->second));
  if (!fields->count("status") || !fields->count("body"))
    return Status::Error("the fetch helper's answer cannot be read: it has no status or body");
  HttpResponse response;
  response.status = NumberOf(*fields, "status", 0);
  response.etag = Text(*fields, "etag");
  response.last_modified = Text(*fields, "last_modified");
  response.content_type = Text(*fields, "content_type");
  response.body_sha256 = Text(*fields, "body_sha256");
  response.body = Text(*fields, "body");
  return response;
}

}  // namespace foyer
