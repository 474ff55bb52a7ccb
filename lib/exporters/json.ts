/** JSON: the full result, exactly as convert() returned it. */
import type { Exporter } from './types';

export const json: Exporter = {
  id: 'json',
  label: 'JSON (full result)',
  mediaType: 'application/json',
  extension: 'json',
  export(result) {
    return { text: `${JSON.stringify(result, null, 2)}\n`, warnings: [] };
  },
};
