// Fusion Brain's Kandinsky API: `GET key/api/v1/pipelines` (a list with `uuid`), `…/pipeline/{id}/availability`
// (`{status}` or `{pipeline_status: "DISABLED_BY_QUEUE"}`), `POST …/pipeline/run` → `{uuid, status: "INITIAL"}` (or
// the queue state instead of a uuid when busy), `GET …/pipeline/status/{uuid}` → INITIAL / PROCESSING / DONE (with
// `result.files` and `result.censored`) / FAIL (with `errorDescription`).
// Follows the Fusion Brain API documentation (its public API page). It lists the error statuses (401,
// 404, 400, 500, 415) but not their bodies; the 401 here is the JSON a Spring Boot service answers by default.
import type { ScriptedResponse } from './fakeHttpServer';

const json = { 'content-type': 'application/json' };

function answer(body: unknown, status = 200): ScriptedResponse {
  return { status, headers: json, chunks: [JSON.stringify(body)] };
}

/** The pipeline list: one Kandinsky 3.1 text-to-image pipeline. */
export function fusionBrainPipelines(uuid: string): ScriptedResponse {
  return answer([
    {
      uuid,
      name: 'Kandinsky',
      nameEn: 'Kandinsky',
      description: '',
      descriptionEn: '',
      tags: [],
      version: 3.1,
      imagePreview: null,
      status: 'ACTIVE',
      type: 'TEXT2IMAGE',
      createdDate: '2025-01-01T00:00:00',
      lastModified: '2025-01-01T00:00:00',
    },
  ]);
}

/** The availability of a pipeline: `ACTIVE`, or busy (`DISABLED_BY_QUEUE`, as `pipeline_status`). */
export function fusionBrainAvailability(state: 'ACTIVE' | 'DISABLED_BY_QUEUE' = 'ACTIVE'): ScriptedResponse {
  return answer(state === 'ACTIVE' ? { status: 'ACTIVE' } : { pipeline_status: 'DISABLED_BY_QUEUE' });
}

/** The answer of `run`: the job was queued. */
export function fusionBrainRunAccepted(uuid: string): ScriptedResponse {
  return answer({ uuid, status: 'INITIAL' }, 201);
}

/** The answer of `run` while the service takes no new jobs: the queue state instead of a uuid. */
export function fusionBrainRunRefusedBusy(): ScriptedResponse {
  return answer({ pipeline_status: 'DISABLED_BY_QUEUE' });
}

/** A status check of a job still queued or running. */
export function fusionBrainStatus(uuid: string, status: 'INITIAL' | 'PROCESSING'): ScriptedResponse {
  return answer({ uuid, status });
}

/** A finished job (the files can be read only once). */
export function fusionBrainDone(uuid: string, files: readonly string[], censored = false): ScriptedResponse {
  return answer({ uuid, status: 'DONE', errorDescription: null, result: { files, censored }, generationTime: 12 });
}

/** A failed job. */
export function fusionBrainFailed(uuid: string, errorDescription: string): ScriptedResponse {
  return answer({ uuid, status: 'FAIL', errorDescription });
}

/** 401 for a wrong key or secret. */
export function fusionBrainUnauthorized(path = '/key/api/v1/pipelines'): ScriptedResponse {
  return answer({ timestamp: '2026-01-01T00:00:00.000+00:00', status: 401, error: 'Unauthorized', path }, 401);
}

/** The styles list of the CDN (`name` is what the API takes). */
export function fusionBrainStyles(
  styles: ReadonlyArray<{ name: string; title: string; titleEn: string; image: string }>,
): ScriptedResponse {
  return answer(styles);
}
