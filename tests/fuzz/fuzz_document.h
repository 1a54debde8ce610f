// The fixed documents the expression fuzz targets evaluate against: an input with every JSON
// type, nesting, arrays of objects and awkward keys; a context object shaped like $$; and
// workflow variables.
#pragma once

#include "sfn/common/json.h"

namespace sfn::fuzz {

inline const Json& input_document() {
  static const Json doc = Json::parse(R"({
    "store": {
      "book": [
        {"category": "reference", "author": "Nigel Rees", "title": "Sayings", "price": 8.95},
        {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword", "price": 12.99},
        {"category": "fiction", "author": "Herman Melville", "isbn": "0-553", "price": 8.99},
        {"category": "fiction", "author": "J. R. R. Tolkien", "isbn": "0-395", "price": 22.99}
      ],
      "bicycle": {"color": "red", "price": 19.95}
    },
    "a": {"b": {"c": [1, 2, {"d": "deep"}]}},
    "numbers": [3, -1, 0, 2.5, 1e300, -9007199254740993, 18446744073709551615],
    "strings": ["", "a,b,,c", "caf\u00e9 \ud83d\ude00", "{\"x\": [1, {\"y\": null}]}", "e30="],
    "matrix": [[1, 2], [3, 4], []],
    "a.b": 1,
    "with space": true,
    "empty": {},
    "none": [],
    "nothing": null,
    "flag": false,
    "count": 42,
    "text": "Hello, World",
    "date": "2024-02-29T23:59:59.999Z"
  })");
  return doc;
}

inline const Json& context_document() {
  static const Json doc = Json::parse(R"({
    "Execution": {"Id": "arn:aws:states:us-east-1:123456789012:execution:sm:ex",
                  "Input": {"k": [1, 2]}, "Name": "ex", "StartTime": "2024-01-01T00:00:00Z",
                  "RoleArn": "arn:aws:iam::123456789012:role/R", "RedriveCount": 0},
    "State": {"EnteredTime": "2024-01-01T00:00:01Z", "Name": "S", "RetryCount": 0},
    "StateMachine": {"Id": "arn:aws:states:us-east-1:123456789012:stateMachine:sm", "Name": "sm"},
    "Task": {"Token": "token"},
    "Map": {"Item": {"Index": 1, "Value": {"v": "x"}}}
  })");
  return doc;
}

inline const Json& variables_document() {
  static const Json doc = Json::parse(R"({
    "x": 1, "name": "n", "list": [1, "two", {"three": 3}], "obj": {"k": {"l": [true]}}
  })");
  return doc;
}

}  // namespace sfn::fuzz
