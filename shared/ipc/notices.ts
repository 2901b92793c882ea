// A desktop notification as main raises it: worded text (in the language of whoever worded it) and the page
// of the app its click opens. Checked in main whoever asks, so a reminder the page words can come over IPC.
import { z } from 'zod';
import { routeSchema } from '../route';

const text = (max: number) => z.string().max(max).refine((value) => value.trim() !== '', 'blank');

export const desktopNoticeSchema = z.strictObject({
  title: text(120),
  body: text(500),
  /** Where the window opens when the clerk clicks the notification. */
  target: routeSchema,
});
export type DesktopNotice = z.infer<typeof desktopNoticeSchema>;
