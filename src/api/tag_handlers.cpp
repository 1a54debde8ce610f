// TagResource, UntagResource, ListTagsForResource (state machines and activities).
#include "api/request_fields.h"
#include "api/service.h"

namespace sfn::api {
namespace {

constexpr std::size_t kMaxTags = 50;

ApiResult<bool> resource_exists(Service& svc, const std::string& arn) {
  auto parsed = parse_states_arn(arn);
  if (!parsed) return api_error("InvalidArn", "Invalid Arn: '" + arn + "'");
  bool found = (parsed->kind == ArnKind::kStateMachine && svc.state_machines.count(arn)) ||
               (parsed->kind == ArnKind::kActivity && svc.activities.count(arn));
  if (!found) return api_error("ResourceNotFound", "Resource not found: '" + arn + "'");
  return true;
}

void tag_resource(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("resourceArn", 256));
  TRY(tags_in, f.optional_array("tags"));
  if (!*tags_in) return reply(validation_error("null", "tags", "Member must not be null"));
  TRY(added, parse_tag_list(*tags_in));
  std::lock_guard lock(svc.mutex);
  TRY(ok, resource_exists(svc, *arn));
  auto tags = svc.tags[*arn];
  for (const auto& [k, v] : *added) tags[k] = v;
  if (tags.size() > kMaxTags)
    return reply(api_error("TooManyTags", "Too many tags: a resource can have at most 50 tags"));
  svc.tags[*arn] = tags;
  svc.store.put_tags(*arn, tags);
  reply(Json::object());
}

void untag_resource(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("resourceArn", 256));
  TRY(keys, f.optional_array("tagKeys"));
  if (!*keys) return reply(validation_error("null", "tagKeys", "Member must not be null"));
  TRY(names, parse_tag_keys(**keys));
  std::lock_guard lock(svc.mutex);
  TRY(ok, resource_exists(svc, *arn));
  auto& tags = svc.tags[*arn];
  for (const auto& k : *names) tags.erase(k);
  svc.store.put_tags(*arn, tags);
  reply(Json::object());
}

void list_tags(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("resourceArn", 256));
  std::lock_guard lock(svc.mutex);
  TRY(ok, resource_exists(svc, *arn));
  Json items = Json::array();
  if (auto it = svc.tags.find(*arn); it != svc.tags.end())
    for (const auto& [k, v] : it->second) items.push_back(Json{{"key", k}, {"value", v}});
  reply(Json{{"tags", items}});
}

}  // namespace

void register_tag_handlers(std::map<std::string, Handler>& t) {
  t["TagResource"] = tag_resource;
  t["UntagResource"] = untag_resource;
  t["ListTagsForResource"] = list_tags;
}

}  // namespace sfn::api
