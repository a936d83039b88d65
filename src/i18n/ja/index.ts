import { charts } from './charts.js';
import { clients } from './clients.js';
import { cycle } from './cycle.js';
import { core } from './core.js';
import { digest } from './digest.js';
import { forms } from './forms.js';
import { manage } from './manage.js';
import { metrics } from './metrics.js';
import { oneonone } from './oneonone.js';
import { people } from './people.js';
import type { Catalog } from '../catalog.js';

export const ja: Catalog = { ...core, ...manage, ...forms, ...digest, ...oneonone, ...metrics, ...people, ...charts, ...clients, ...cycle };
