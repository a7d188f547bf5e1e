// zod's English messages for the model's schemas. The model uses zod/mini (checks are functions a
// bundler can leave out: ~20 KB in the custom-functions bundle instead of ~85 KB for zod's chained
// API); each schema module imports `* as z from 'zod/mini'` itself — a namespace re-exported from
// here would make webpack keep all of zod, its 40 locales included — and this module for the
// messages (zod/mini has none of its own).
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());
