import type { TrailProps } from '../../../inventory/aws/services.js';

/** True when the trail records all management events, read and write, by basic or advanced selectors. */
export function managementEventsCovered(trail: TrailProps): boolean {
  if (trail.AdvancedEventSelectors && trail.AdvancedEventSelectors.length > 0) {
    return trail.AdvancedEventSelectors.some((s) => {
      const fields = s.FieldSelectors ?? [];
      const category = fields.find((f) => f.Field === 'eventCategory');
      const readOnly = fields.find((f) => f.Field === 'readOnly');
      return category?.Equals?.includes('Management') === true && readOnly === undefined;
    });
  }
  // A trail without any selectors records all management events (the API default).
  const selectors = trail.EventSelectors ?? [{ ReadWriteType: 'All', IncludeManagementEvents: true }];
  return selectors.some((s) => s.IncludeManagementEvents !== false && (s.ReadWriteType ?? 'All') === 'All');
}
