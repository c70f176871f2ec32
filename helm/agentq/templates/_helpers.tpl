{{/* Name of the release's objects: the release name, with "agentq" appended unless it has it. */}}
{{- define "agentq.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels selecting one component's pods: dict "ctx" $ "component" "api". */}}
{{- define "agentq.selectorLabels" -}}
app.kubernetes.io/name: {{ .ctx.Chart.Name }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Every object's labels: dict "ctx" $ "component" "api". */}}
{{- define "agentq.labels" -}}
{{ include "agentq.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version }}
{{- end -}}

{{/* An image reference: dict "ctx" $ "image" .Values.images.api. */}}
{{- define "agentq.image" -}}
{{- printf "%s:%s" .image.repository (default .ctx.Chart.AppVersion .image.tag) -}}
{{- end -}}

{{- define "agentq.secretName" -}}
{{- default (printf "%s-secrets" (include "agentq.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* The database password from the Secret, as the apps and the migration read it. */}}
{{- define "agentq.databasePasswordEnv" -}}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "agentq.secretName" . }}
      key: {{ .Values.secrets.databasePasswordKey }}
{{- end -}}

{{/* /tmp is the only writable path: the root filesystem is read-only. */}}
{{- define "agentq.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end -}}

{{/* The documents volume's environment, mount and volume, when documents.enabled. */}}
{{- define "agentq.documentsEnv" -}}
{{- if .Values.documents.enabled }}
- name: AGENTQ_DOCUMENTS_DIRECTORY
  value: {{ .Values.documents.mountPath | quote }}
{{- end }}
{{- end -}}

{{- define "agentq.documentsMount" -}}
{{- if .Values.documents.enabled }}
- name: documents
  mountPath: {{ .Values.documents.mountPath | quote }}
  readOnly: true
{{- end }}
{{- end -}}

{{- define "agentq.documentsVolume" -}}
{{- if .Values.documents.enabled }}
- name: documents
  persistentVolumeClaim:
    claimName: {{ .Values.documents.existingClaim | quote }}
    readOnly: true
{{- end }}
{{- end -}}
