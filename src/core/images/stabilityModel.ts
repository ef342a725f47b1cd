// Which Stability API and endpoint a model id means:
//   `core`, `ultra`                           → v2beta /stable-image/generate/{core|ultra}
//   `sd3` (the service's default model), `sd3.5-large`, `sd3/<model>` → v2beta /stable-image/generate/sd3 with `model`
//   `v1/<engine id>`                          → legacy v1 /generation/{engine}/text-to-image (engines are listed live)
import { errorText } from '../errors/errorText';
import { ProviderError } from '../errors/providerError';

export type StabilityModel =
  | { api: 'v2beta'; endpoint: 'core' | 'ultra' | 'sd3'; sd3Model?: string; label: string }
  | { api: 'v1'; engine: string; sdxl: boolean; label: string };

export function parseStabilityModel(model: string, provider: string): StabilityModel {
  const id = model.trim();
  if (id === 'core' || id === 'ultra') return { api: 'v2beta', endpoint: id, label: `Stable Image ${id === 'core' ? 'Core' : 'Ultra'}` };
  if (id === 'sd3') return { api: 'v2beta', endpoint: 'sd3', label: 'Stable Diffusion 3.5' };
  const sd3 = /^sd3\/([A-Za-z0-9._-]+)$/.exec(id)?.[1] ?? (/^sd3[A-Za-z0-9._-]*$/.test(id) ? id : undefined);
  if (sd3 !== undefined) return { api: 'v2beta', endpoint: 'sd3', sd3Model: sd3, label: sd3 };
  const engine = /^v1\/([A-Za-z0-9._-]+)$/.exec(id)?.[1];
  if (engine !== undefined) {
    const sdxl = /xl-1024/i.test(engine);
    return { api: 'v1', engine, sdxl, label: sdxl ? 'SDXL' : engine };
  }
  throw new ProviderError({
    kind: 'bad-request',
    provider,
    model,
    text: errorText('image.noSuchStabilityModel', { provider, model }),
  });
}
