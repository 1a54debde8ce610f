// CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine,
// ListStateMachines, ValidateStateMachineDefinition.
#include <algorithm>
#include <tuple>

#include "api/request_fields.h"
#include "api/service.h"
#include "sfn/asl/parse/parse_definition.h"
#include "sfn/asl/validate/workflow_type.h"
#include "sfn/common/clock.h"
#include "sfn/common/ids.h"

namespace sfn::api {
namespace {

constexpr std::size_t kMaxDefinition = 1024 * 1024;

ApiResult<StateMachineType> check_type(const std::optional<std::string>& type) {
  if (!type) return StateMachineType::kStandard;
  if (auto t = parse_state_machine_type(*type)) return *t;
  return validation_error("'" + *type + "'", "type",
                          "Member must satisfy enum value set: [EXPRESS, STANDARD]");
}

// The definition parsed, and allowed for a state machine of `type`.
ApiResult<std::shared_ptr<const asl::StateMachine>> compile(const std::string& definition,
                                                            StateMachineType type) {
  auto parsed = asl::parse_definition(definition);
  if (!parsed.machine)
    return api_error("InvalidDefinition", asl::invalid_definition_message(parsed.diagnostics));
  if (auto refused = asl::workflow_type_diagnostics(*parsed.machine, type); !refused.empty())
    return api_error("InvalidDefinition", asl::invalid_definition_message(refused));
  return parsed.machine;
}

ApiResult<bool> check_role(const std::optional<std::string>& role) {
  if (!role) return true;
  if (role->rfind("arn:", 0) != 0 || role->find(":iam::") == std::string::npos)
    return api_error("InvalidArn",
                     "Invalid Arn: 'Resource type not valid in this context: " + *role + "'");
  return true;
}

ApiResult<std::map<std::string, std::string>> parse_tags(const std::optional<Json>& tags) {
  auto out = parse_tag_list(tags);
  if (out && out->size() > 50)
    return api_error("TooManyTags", "Too many tags: a resource can have at most 50 tags");
  return out;
}

void create_state_machine(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(name, f.required_name("name"));
  TRY(definition, f.required_string("definition", kMaxDefinition));
  TRY(role, f.required_string("roleArn", 256));
  TRY(type_in, f.optional_string("type"));
  TRY(type, check_type(*type_in));
  TRY(logging, f.optional_object("loggingConfiguration"));
  TRY(tracing, f.optional_object("tracingConfiguration"));
  TRY(tags_in, f.optional_array("tags"));
  TRY(tags, parse_tags(*tags_in));
  if (!is_valid_resource_name(*name, kMaxNameBytes))
    return reply(api_error("InvalidName", "Invalid Name: '" + *name + "'"));
  TRY(role_ok, check_role(*role));
  TRY(machine, compile(*definition, *type));

  std::string arn = svc.arns.state_machine(*name);
  StateMachineEntry e;
  e.row.arn = arn;
  e.row.name = *name;
  e.row.type = *type;
  e.row.definition = *definition;
  e.row.role_arn = *role;
  e.row.logging_configuration =
      dump_compact(logging->value_or(Json{{"level", "OFF"}, {"includeExecutionData", false}}));
  e.row.tracing_configuration = dump_compact(tracing->value_or(Json{{"enabled", false}}));
  e.row.revision_id = make_uuid();
  e.row.creation_date = svc.clock->epoch_seconds();
  e.update_date = e.row.creation_date;
  e.machine = *machine;
  TRY(created, svc.state_machines.create(std::move(e)));
  const auto& [kept, added] = *created;
  if (added && !tags->empty()) svc.tags.set(arn, *tags);
  reply(Json{{"stateMachineArn", arn}, {"creationDate", kept->row.creation_date}});
}

Json describe(const StateMachineEntry& e) {
  Json j = Json::object();
  j["stateMachineArn"] = e.row.arn;
  j["name"] = e.row.name;
  j["status"] = e.row.status;
  j["definition"] = e.row.definition;
  j["roleArn"] = e.row.role_arn;
  j["type"] = name_of(e.row.type);
  j["creationDate"] = e.row.creation_date;
  j["loggingConfiguration"] = parse_json_or_discarded(e.row.logging_configuration);
  j["tracingConfiguration"] = parse_json_or_discarded(e.row.tracing_configuration);
  j["revisionId"] = e.row.revision_id;
  return j;
}

void describe_state_machine(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("stateMachineArn", 256));
  TRY(entry, svc.state_machines.find(*arn));
  reply(describe(**entry));
}

void update_state_machine(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("stateMachineArn", 256));
  TRY(definition, f.optional_string("definition", kMaxDefinition));
  TRY(role, f.optional_string("roleArn", 256));
  TRY(logging, f.optional_object("loggingConfiguration"));
  TRY(tracing, f.optional_object("tracingConfiguration"));
  if (!*definition && !*role && !*logging && !*tracing)
    return reply(api_error("MissingRequiredParameter",
                           "Either the definition, the role ARN, the LoggingConfiguration, or the "
                           "TracingConfiguration must be specified"));
  TRY(role_ok, check_role(*role));
  TRY(entry, svc.state_machines.find(*arn));
  const StateMachineType type = (*entry)->row.type;  // fixed at creation
  std::shared_ptr<const asl::StateMachine> machine;
  if (*definition) {  // parsed without any lock held
    TRY(m, compile(**definition, type));
    machine = *m;
  }
  const double now = svc.clock->epoch_seconds();
  TRY(updated, svc.state_machines.update(*arn, [&](StateMachineEntry& e) {
    if (*definition) {
      e.row.definition = **definition;
      e.machine = machine;
    }
    if (*role) e.row.role_arn = **role;
    if (*logging) e.row.logging_configuration = dump_compact(**logging);
    if (*tracing) e.row.tracing_configuration = dump_compact(**tracing);
    e.row.revision_id = make_uuid();
    e.update_date = now;
  }));
  reply(Json{{"updateDate", (*updated)->update_date}, {"revisionId", (*updated)->row.revision_id}});
}

void delete_state_machine(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("stateMachineArn", 256));
  auto parsed = parse_states_arn(*arn);
  if (!parsed || parsed->kind != ArnKind::kStateMachine)
    return reply(api_error("InvalidArn", "Invalid Arn: '" + *arn + "'"));
  if (svc.state_machines.erase(*arn)) svc.tags.erase(*arn);
  reply(Json::object());
}

void list_state_machines(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(paging,
      read_paging(f, 1024, "ListStateMachines", Json::object(), svc.clock->epoch_seconds()));
  const std::vector<StateMachinePtr> all = svc.state_machines.list();
  auto key_of = [&](std::size_t i) {
    return Json::array({all[i]->row.creation_date, all[i]->row.arn});
  };
  reply(page_of(
      *paging, all.size(), "stateMachines",
      [&](std::size_t i) {
        return Json{{"stateMachineArn", all[i]->row.arn},
                    {"name", all[i]->row.name},
                    {"type", name_of(all[i]->row.type)},
                    {"creationDate", all[i]->row.creation_date}};
      },
      key_of, date_arn_ascending));
}

void validate_definition(Service&, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(definition, f.required_string("definition", kMaxDefinition));
  TRY(type_in, f.optional_string("type"));
  TRY(type, check_type(*type_in));
  TRY(max, f.optional_int("maxResults", 0, 100));
  auto parsed = asl::parse_definition(*definition);
  if (parsed.machine) {
    for (auto& d : asl::workflow_type_diagnostics(*parsed.machine, *type))
      parsed.diagnostics.push_back(std::move(d));
  }
  Json diags = Json::array();
  bool failed = false;
  std::size_t limit = max->value_or(0) == 0 ? 100 : static_cast<std::size_t>(**max);
  for (const auto& d : parsed.diagnostics) {
    if (d.severity == "ERROR") failed = true;
    if (diags.size() < limit)
      diags.push_back(Json{{"severity", d.severity},
                           {"code", d.code},
                           {"message", d.message},
                           {"location", d.location}});
  }
  reply(Json{{"result", failed ? "FAIL" : "OK"},
             {"diagnostics", diags},
             {"truncated", parsed.diagnostics.size() > diags.size()}});
}

}  // namespace

void register_state_machine_handlers(std::map<std::string, Handler>& t) {
  t["CreateStateMachine"] = create_state_machine;
  t["DescribeStateMachine"] = describe_state_machine;
  t["UpdateStateMachine"] = update_state_machine;
  t["DeleteStateMachine"] = delete_state_machine;
  t["ListStateMachines"] = list_state_machines;
  t["ValidateStateMachineDefinition"] = validate_definition;
}

}  // namespace sfn::api
