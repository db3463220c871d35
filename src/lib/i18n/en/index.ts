import { dashboard } from './dashboard';
import { data } from './data';
import { shell } from './shell';
import { sql } from './sql';
import { trends } from './trends';

/**
 * The English catalogue: one file per area so pages can grow their messages
 * independently. Every user-facing string lives here; an Arabic catalogue
 * will mirror these keys.
 */
export const en = { ...shell, ...dashboard, ...sql, ...data, ...trends } as const;

export type MessageKey = keyof typeof en;
