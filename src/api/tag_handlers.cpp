// TagResource, UntagResource, ListTagsForResource (state machines and activities).
#include "api/request_fields.h"
#include "api/service.h"

namespace sfn::api {
namespace {

// Whether the tagged resource exists (asked again under the tag repository's lock): InvalidArn
// for an ARN of another kind.
ApiResult<std::function<bool()>> resource_check(Service& svc, const std::string& arn) {
  auto parsed = parse_states_arn(arn);
  if (!parsed) return api_error("InvalidArn", "Invalid Arn: '" + arn + "'");
  if (parsed->kind == ArnKind::kStateMachine)
    return std::function<bool()>([&svc, arn] { return svc.state_machines.contains(arn); });
  if (parsed->kind == ArnKind::kActivity)
    return std::function<bool()>([&svc, arn] { return svc.activities.contains(arn); });
  return std::function<bool()>([] { return false; });
}

void tag_resource(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("resourceArn", 256));
  TRY(tags_in, f.optional_array("tags"));
  if (!*tags_in) return reply(validation_error("null", "tags", "Member must not be null"));
  TRY(added, parse_tag_list(*tags_in));
  TRY(exists, resource_check(svc, *arn));
  TRY(ok, svc.tags.update(*arn, *exists, [&](Tags::TagMap& tags) {
    for (const auto& [k, v] : *added) tags[k] = v;
  }));
  reply(Json::object());
}

void untag_resource(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("resourceArn", 256));
  TRY(keys, f.optional_array("tagKeys"));
  if (!*keys) return reply(validation_error("null", "tagKeys", "Member must not be null"));
  TRY(names, parse_tag_keys(**keys));
  TRY(exists, resource_check(svc, *arn));
  TRY(ok, svc.tags.update(*arn, *exists, [&](Tags::TagMap& tags) {
    for (const auto& k : *names) tags.erase(k);
  }));
  reply(Json::object());
}

void list_tags(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("resourceArn", 256));
  TRY(exists, resource_check(svc, *arn));
  if (!(*exists)())
    return reply(api_error("ResourceNotFound", "Resource not found: '" + *arn + "'"));
  Json items = Json::array();
  for (const auto& [k, v] : svc.tags.of(*arn)) items.push_back(Json{{"key", k}, {"value", v}});
  reply(Json{{"tags", items}});
}

}  // namespace

void register_tag_handlers(std::map<std::string, Handler>& t) {
  t["TagResource"] = tag_resource;
  t["UntagResource"] = untag_resource;
  t["ListTagsForResource"] = list_tags;
}

}  // namespace sfn::api
