// CreateActivity, DescribeActivity, ListActivities, DeleteActivity, GetActivityTask,
// SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat.
#include <algorithm>
#include <tuple>

#include "api/request_fields.h"
#include "api/service.h"
#include "sfn/common/clock.h"

namespace sfn::api {
namespace {

Json activity_json(const store::ActivityRow& a) {
  return Json{{"activityArn", a.arn}, {"name", a.name}, {"creationDate", a.creation_date}};
}

void create_activity(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(name, f.required_name("name"));
  TRY(tags_in, f.optional_array("tags"));
  TRY(tags, parse_tag_list(*tags_in));
  if (tags->size() > 50)
    return reply(api_error("TooManyTags", "Too many tags: a resource can have at most 50 tags"));
  if (!is_valid_resource_name(*name, kMaxNameBytes))
    return reply(api_error("InvalidName", "Invalid Name: '" + *name + "'"));
  std::string arn = svc.arns.activity(*name);
  auto [kept, added] =
      svc.activities.create(store::ActivityRow{arn, *name, svc.clock->epoch_seconds()});
  if (added && !tags->empty()) svc.tags.set(arn, *tags);
  reply(Json{{"activityArn", arn}, {"creationDate", kept.creation_date}});
}

void describe_activity(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("activityArn", 256));
  TRY(a, svc.activities.find(*arn));
  reply(activity_json(*a));
}

void list_activities(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(paging, read_paging(f, 1024, "ListActivities", Json::object(), svc.clock->epoch_seconds()));
  const std::vector<store::ActivityRow> all = svc.activities.list();
  auto key_of = [&](std::size_t i) { return Json::array({all[i].creation_date, all[i].arn}); };
  reply(page_of(
      *paging, all.size(), "activities", [&](std::size_t i) { return activity_json(all[i]); },
      key_of, date_arn_ascending));
}

void delete_activity(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("activityArn", 256));
  auto parsed = parse_states_arn(*arn);
  if (!parsed || parsed->kind != ArnKind::kActivity)
    return reply(api_error("InvalidArn", "Invalid Arn: '" + *arn + "'"));
  if (svc.activities.erase(*arn)) svc.tags.erase(*arn);
  reply(Json::object());
}

void get_activity_task(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("activityArn", 256));
  TRY(worker, f.optional_string("workerName", 80));
  TRY(a, svc.activities.find(*arn));
  svc.runtime->poll_activity(*arn, worker->value_or(""),
                             [reply](std::optional<engine::ActivityTask> t) {
                               if (!t) return reply(Json::object());
                               reply(Json{{"taskToken", t->task_token}, {"input", t->input}});
                             });
}

ApiResult<Json> task_reply(engine::TaskReply r) {
  switch (r) {
    case engine::TaskReply::kOk:
      return Json::object();
    case engine::TaskReply::kInvalidToken:
      return api_error("InvalidToken", "Invalid Token: 'Invalid token'");
    case engine::TaskReply::kTaskDoesNotExist:
      return api_error("TaskDoesNotExist",
                       "Task Does Not Exist: 'Provided task does not exist anymore'");
    case engine::TaskReply::kTaskTimedOut:
      return api_error("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }
  return Json::object();
}

void send_task_success(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(token, f.required_string("taskToken", 2048));
  TRY(output, f.required_string("output", 256 * 1024));
  if (parse_json_or_discarded(*output).is_discarded())
    return reply(api_error("InvalidOutput", "Invalid Output: 'Output is not valid JSON'"));
  reply(task_reply(svc.runtime->send_task_success(*token, *output)));
}

void send_task_failure(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(token, f.required_string("taskToken", 2048));
  TRY(error, f.optional_string("error", 256));
  TRY(cause, f.optional_string("cause", 32768));
  reply(
      task_reply(svc.runtime->send_task_failure(*token, error->value_or(""), cause->value_or(""))));
}

void send_task_heartbeat(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(token, f.required_string("taskToken", 2048));
  reply(task_reply(svc.runtime->send_task_heartbeat(*token)));
}

}  // namespace

void register_activity_handlers(std::map<std::string, Handler>& t) {
  t["CreateActivity"] = create_activity;
  t["DescribeActivity"] = describe_activity;
  t["ListActivities"] = list_activities;
  t["DeleteActivity"] = delete_activity;
  t["GetActivityTask"] = get_activity_task;
  t["SendTaskSuccess"] = send_task_success;
  t["SendTaskFailure"] = send_task_failure;
  t["SendTaskHeartbeat"] = send_task_heartbeat;
}

}  // namespace sfn::api
