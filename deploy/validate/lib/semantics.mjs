// What the schemas cannot see: PromQL inside alert rules and KEDA triggers must parse, and each
// KEDA trigger needs the metadata its scaler reads.
import { parser } from "@prometheus-io/lezer-promql";

const TRIGGER_METADATA = {
  kafka: ["bootstrapServers", "consumerGroup", "lagThreshold"],
  prometheus: ["serverAddress", "query", "threshold"],
};

export function semanticProblems(object) {
  const problems = [];
  if (!object?.metadata?.name) {
    problems.push("metadata.name is missing");
  }
  if (object.kind === "PrometheusRule") {
    for (const group of object.spec?.groups ?? []) {
      for (const rule of group.rules ?? []) {
        problems.push(...promqlProblems(rule.expr, `rule ${rule.alert ?? rule.record}`));
      }
    }
  }
  if (object.kind === "ScaledObject") {
    for (const trigger of object.spec?.triggers ?? []) {
      const label = `trigger ${trigger.name ?? trigger.type}`;
      for (const key of TRIGGER_METADATA[trigger.type] ?? []) {
        if (typeof trigger.metadata?.[key] !== "string" || trigger.metadata[key] === "") {
          problems.push(`${label}: metadata.${key} is missing`);
        }
      }
      if (trigger.type === "prometheus") {
        problems.push(...promqlProblems(trigger.metadata?.query, label));
      }
    }
  }
  return problems;
}

function promqlProblems(expr, label) {
  const text = String(expr ?? "");
  if (text.trim() === "") {
    return [`${label}: empty PromQL`];
  }
  const errors = [];
  parser.parse(text).iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push(node.from);
      }
    },
  });
  return errors.length === 0
    ? []
    : [`${label}: PromQL does not parse at offset ${errors[0]}: ${text.replace(/\s+/g, " ").trim()}`];
}
