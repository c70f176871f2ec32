// The validator must fail on wrong objects: each case breaks a valid object in one way.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseObjects, validateObjects } from "../lib/validate.mjs";

function deployment() {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "worker", labels: { app: "worker" } },
    spec: {
      selector: { matchLabels: { app: "worker" } },
      template: {
        metadata: { labels: { app: "worker" } },
        spec: {
          containers: [
            {
              name: "worker",
              image: "agentq-worker:0.1.0",
              ports: [{ name: "http", containerPort: 8080 }],
              resources: { limits: { memory: "2Gi" } },
              readinessProbe: { httpGet: { path: "/actuator/health/readiness", port: "http" } },
            },
          ],
        },
      },
    },
  };
}

function scaledObject() {
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "ScaledObject",
    metadata: { name: "worker" },
    spec: {
      scaleTargetRef: { name: "worker" },
      minReplicaCount: 2,
      maxReplicaCount: 20,
      triggers: [
        {
          type: "kafka",
          metadata: { bootstrapServers: "kafka:9092", consumerGroup: "agentq.workers", topic: "agentq.jobs.batch", lagThreshold: "500" },
        },
        {
          type: "prometheus",
          metricType: "Value",
          metadata: { serverAddress: "http://prometheus:9090", query: "sum(agentq_worker_inflight) / sum(agentq_worker_capacity)", threshold: "0.7" },
        },
      ],
    },
  };
}

function rule(expr) {
  return {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "agentq" },
    spec: { groups: [{ name: "agentq", rules: [{ alert: "AgentqDeadLettersGrowing", expr }] }] },
  };
}

async function problemsOf(object) {
  const [result] = await validateObjects([object]);
  return result.problems;
}

test("valid objects pass", async () => {
  assert.deepEqual(await problemsOf(deployment()), []);
  assert.deepEqual(await problemsOf(scaledObject()), []);
  assert.deepEqual(await problemsOf(rule("sum(increase(agentq_dead_letters_total[15m])) > 0")), []);
});

test("a field of the wrong type fails", async () => {
  const broken = deployment();
  broken.spec.template.spec.containers[0].ports[0].containerPort = "8080x";
  assert.match((await problemsOf(broken)).join("\n"), /containerPort must be integer/);
});

test("a missing required field fails", async () => {
  const broken = deployment();
  delete broken.spec.template.spec.containers[0].name;
  assert.match((await problemsOf(broken)).join("\n"), /containers\/0 must have required property name/);
});

test("a malformed quantity fails", async () => {
  const broken = deployment();
  broken.spec.template.spec.containers[0].resources.limits.memory = "2 gigabytes";
  assert.match((await problemsOf(broken)).join("\n"), /memory must match format "quantity"/);
});

test("a field at the wrong level fails (unknown field)", async () => {
  const broken = deployment();
  // env belongs to the container, not to the pod
  broken.spec.template.spec.env = [{ name: "AGENTQ_WORKER_CAPACITY", value: "1000" }];
  assert.match((await problemsOf(broken)).join("\n"), /'env' does not exist in type 'IPodSpec'/);
});

test("a misspelt field fails", async () => {
  const broken = deployment();
  broken.spec.template.spec.containers[0].readinesProbe = broken.spec.template.spec.containers[0].readinessProbe;
  assert.match((await problemsOf(broken)).join("\n"), /'readinesProbe' does not exist in type 'IContainer'/);
});

test("a KEDA ScaledObject of the wrong shape fails", async () => {
  const wrongType = scaledObject();
  wrongType.spec.minReplicaCount = "two";
  assert.match((await problemsOf(wrongType)).join("\n"), /minReplicaCount must be integer/);

  const noTarget = scaledObject();
  delete noTarget.spec.scaleTargetRef;
  assert.match((await problemsOf(noTarget)).join("\n"), /spec must have required property scaleTargetRef/);

  const misplaced = scaledObject();
  misplaced.spec.behavior = { scaleDown: { stabilizationWindowSeconds: 600 } };
  assert.match((await problemsOf(misplaced)).join("\n"), /'behavior' does not exist in type/);
});

test("a KEDA trigger without the metadata its scaler reads fails", async () => {
  const broken = scaledObject();
  delete broken.spec.triggers[0].metadata.consumerGroup;
  assert.deepEqual(await problemsOf(broken), ["trigger kafka: metadata.consumerGroup is missing"]);
});

test("PromQL that does not parse fails, in rules and in KEDA queries", async () => {
  assert.match((await problemsOf(rule("sum(increase(agentq_dead_letters_total[15m]) > 0"))).join("\n"), /PromQL does not parse/);

  const broken = scaledObject();
  broken.spec.triggers[1].metadata.query = "sum(agentq_worker_inflight) / / sum(agentq_worker_capacity)";
  assert.match((await problemsOf(broken)).join("\n"), /trigger prometheus: PromQL does not parse/);
});

test("an object of a kind without a schema fails", async () => {
  const problems = await problemsOf({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } });
  assert.match(problems.join("\n"), /no schema for apiVersion example.com\/v1 kind Widget/);
});

test("a rendered multi-document file is read whole", async () => {
  const text = "---\n# Source: x\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  K: v\n---\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  ports:\n    - port: 80\n";
  const results = await validateObjects(parseObjects(text));
  assert.deepEqual(results.map((r) => [r.name, r.problems]), [["ConfigMap/a", []], ["Service/b", []]]);
});
