// The complaints screen (container): reads the list, the figures and the open complaint's detail, and keeps the filters.
import { useCallback, useRef, useState } from 'react';
import { useComplaintFigures, useComplaintList } from '../../db/complaintHooks';
import { COMPLAINT_LIST_CAP } from '../../db/complaints';
import { useClock } from '../../platform/clock';
import { navigate } from '../../ui/routes';
import { Toast, type ToastMessage } from '../../ui/Toast';
import { ComplaintDetailDialog } from './ComplaintDetail';
import { ComplaintsView, FIGURE_PERIODS, OPEN_FILTERS, type ComplaintFilters } from './ComplaintsView';
import './complaints.css';

export function ComplaintsScreen({ complaintId }: { complaintId: string | null }) {
  const clock = useClock();
  const [filters, setFilters] = useState<ComplaintFilters>(OPEN_FILTERS);
  const [days, setDays] = useState<number>(FIGURE_PERIODS[0]);
  // Open ones come from the open index; any other state filter reads the latest, closed ones too.
  const list = useComplaintList(filters.state !== 'open');
  const figures = useComplaintFigures(days);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastCount = useRef(0);
  const clearToast = useCallback(() => setToast(null), []);
  return (
    <>
      <ComplaintsView
        figures={figures}
        days={days}
        onDaysChange={setDays}
        filters={filters}
        onFiltersChange={setFilters}
        rows={list?.withClosed === (filters.state !== 'open') ? list.complaints : undefined}
        customers={list?.customers ?? new Map()}
        capped={!!list?.withClosed && list.complaints.length >= COMPLAINT_LIST_CAP}
        now={clock()}
        onOpen={(id) => navigate({ name: 'complaints', id })}
      />
      {complaintId && <ComplaintDetailDialog id={complaintId} onClose={() => navigate({ name: 'complaints' })} onSaid={(text) => setToast({ id: ++toastCount.current, text })} />}
      <Toast message={toast} onDone={clearToast} />
    </>
  );
}
