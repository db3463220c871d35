import { shippedDashboard } from '$lib/server/dashboard';

// Prerendered: the unfiltered dashboard of the shipped data, shown until the engine answers.
export const load = async () => ({ initial: await shippedDashboard() });
