import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import { Maximize2, ZoomIn, ZoomOut } from 'lucide-react';
import type { Entity, TagColor } from '@shared/schemas/records';
import { axisTicks, clampView, zoomView } from '@shared/domain/timeline/axisScale';
import {
  FLAG_AFTER,
  FLAG_BEFORE,
  FLAG_UNCERTAIN,
  stringAt,
  type TimelineColumns,
} from '@shared/domain/timeline/columns';

/** How the axis splits events into lanes. */
export type LaneMode = 'none' | 'entity' | 'tag';

interface TimeAxisProps {
  columns: TimelineColumns;
  /** The events to draw (numbers into the columns), by the start of their interval. */
  events: Uint32Array;
  /** The number of the selected event, or -1. */
  selectedIndex: number;
  entities: Map<string, Entity> | undefined;
  tagColor: (tag: string) => TagColor;
  lanes: LaneMode;
  onLanes: (mode: LaneMode) => void;
  onSelect: (eventId: string) => void;
  onOpen: (eventId: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

interface View {
  start: number;
  span: number;
}

interface Lane {
  key: string;
  label: string;
  /** Events of the lane (numbers into the columns) by the start of their interval. */
  items: Uint32Array;
  /** The longest interval in the lane, to find bars that started before the window. */
  longest: number;
}

const LANE_HEIGHT = 64;
const ROW_HEIGHT = 20;
/** Space between a mark and its label, and between a label and the next mark of its row. */
const LABEL_GAP = 4;
/** The widest a label may be, and the narrowest worth showing (narrower ones are left out). */
const LABEL_MAX = 180;
const LABEL_MIN = 24;

/** An event drawn in a lane: where, in which row, and how much room its label has. */
interface Placed {
  i: number;
  flags: number;
  bound: 'before' | 'after' | undefined;
  title: string;
  left: number;
  barWidth: number;
  isBar: boolean;
  row: number;
  labelStart: number;
  room: number;
}
const MAX_LANES = 40;
/** Past this many events in the drawn window, a lane shows how many events fall where instead. */
const MAX_MARKS_PER_LANE = 250;
const BIN_PX = 14;
const YEAR = 365.25 * 86_400_000;

/** One formatter for every label: making one per call (toLocaleString) costs a lot per bin. */
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const NUMBER = new Intl.NumberFormat('en-GB');

function formatInstant(at: number, span: number): string {
  const date = new Date(at);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = MONTH.format(date);
  if (span > 3 * YEAR) return year;
  if (span > 60 * 86_400_000) return `${month} ${year}`;
  if (span > 2 * 86_400_000) return `${date.getUTCDate()} ${month} ${year}`;
  return `${date.getUTCDate()} ${month} ${year}, ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/** The first position in `items` whose event starts at or after `at` (items sorted by start). */
function lowerBound(columns: TimelineColumns, items: Uint32Array, at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((columns.sortStart[items[mid] as number] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const longestKnown = new WeakMap<Uint32Array, number>();

function longestOf(columns: TimelineColumns, items: Uint32Array): number {
  const known = longestKnown.get(items);
  if (known !== undefined) return known;
  let longest = 0;
  for (let k = 0; k < items.length; k += 1) {
    const i = items[k] as number;
    const length = (columns.sortEnd[i] as number) - (columns.sortStart[i] as number);
    if (length > longest) longest = length;
  }
  longestKnown.set(items, longest);
  return longest;
}

function buildLanes(
  columns: TimelineColumns,
  events: Uint32Array,
  mode: LaneMode,
  entities: Map<string, Entity> | undefined,
): { lanes: Lane[]; hidden: number } {
  if (mode === 'none') {
    return {
      lanes: [
        { key: 'all', label: 'All events', items: events, longest: longestOf(columns, events) },
      ],
      hidden: 0,
    };
  }
  // Events by lane (numbers into the columns), still in the order of their start.
  const byLane = new Map<string, { label: string; items: number[] }>();
  const add = (key: string, label: string, index: number) => {
    let lane = byLane.get(key);
    if (!lane) {
      lane = { label, items: [] };
      byLane.set(key, lane);
    }
    lane.items.push(index);
  };
  const start = mode === 'entity' ? columns.entityStart : columns.tagStart;
  const list = mode === 'entity' ? columns.entityList : columns.tagList;
  for (let k = 0; k < events.length; k += 1) {
    const index = events[k] as number;
    let placed = false;
    for (let j = start[index] as number; j < (start[index + 1] as number); j += 1) {
      const number = list[j] as number;
      if (mode === 'entity') {
        const id = columns.entityIds[number] as string;
        const entity = entities?.get(id);
        if (!entity) continue;
        add(id, entity.name, index);
      } else {
        const tag = columns.tagNames[number] as string;
        add(`#${tag}`, `#${tag}`, index);
      }
      placed = true;
    }
    if (!placed) add('~none', mode === 'entity' ? 'No entity' : 'No tag', index);
  }
  const all: Lane[] = [...byLane.entries()].map(([key, lane]) => {
    const items = Uint32Array.from(lane.items);
    return { key, label: lane.label, items, longest: longestOf(columns, items) };
  });
  const sorted = all.sort(
    (a, b) =>
      Number(a.key === '~none') - Number(b.key === '~none') ||
      b.items.length - a.items.length ||
      a.label.localeCompare(b.label),
  );
  return { lanes: sorted.slice(0, MAX_LANES), hidden: Math.max(0, sorted.length - MAX_LANES) };
}

/** Views fitted to a list of events, kept while the list lives (the screen may be left and entered again). */
const fittedViews = new WeakMap<Uint32Array, View>();

function fitView(columns: TimelineColumns, events: Uint32Array): View {
  const known = fittedViews.get(events);
  if (known) return known;
  const view = measureFit(columns, events);
  fittedViews.set(events, view);
  return view;
}

function measureFit(columns: TimelineColumns, events: Uint32Array): View {
  if (events.length === 0) {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    return clampView(now - 5 * YEAR, 10 * YEAR);
  }
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < events.length; k += 1) {
    const i = events[k] as number;
    const start = columns.sortStart[i] as number;
    if (start < min) min = start;
    const end = Math.max(columns.sortEnd[i] as number, start + 1);
    if (end > max) max = end;
  }
  const span = Math.max(max - min, 86_400_000);
  return clampView(min - span * 0.04, span * 1.08);
}

/**
 * A horizontal time axis, from centuries down to hours: drag or Shift+wheel to pan, Ctrl+wheel or
 * the buttons to zoom. Ranges are bars; approximate, open and coarse dates are drawn faded. Lanes
 * split events by entity or by tag. The track is drawn a screen wider on both sides and moved with a
 * transform while panning, so panning repaints nothing until it runs out of drawn track.
 */
export function TimeAxis({
  columns,
  events,
  selectedIndex,
  entities,
  tagColor,
  lanes: laneMode,
  onLanes,
  onSelect,
  onOpen,
  onKeyDown,
}: TimeAxisProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  const [view, setView] = useState<View>(() => fitView(columns, events));
  // The view the drawn track was laid out for; panning moves the track until it is re-drawn.
  const drawnRef = useRef<View>(view);
  const dragRef = useRef<{ x: number; start: number; moved: boolean } | null>(null);
  const liveStartRef = useRef(view.start);
  const rangeRef = useRef<HTMLSpanElement>(null);

  // The marks are drawn a frame after the axis itself, so that they never hold up the list's
  // first paint (the axis keeps its size meanwhile, so nothing moves).
  const [drawing, setDrawing] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawing(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);

  const { lanes, hidden } = useMemo(
    () => buildLanes(columns, events, laneMode, entities),
    [columns, events, laneMode, entities],
  );
  const fitted = useMemo(() => fitView(columns, events), [columns, events]);

  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const msPerPx = view.span / width;
  // The drawn window: one screen either side of the view.
  const drawStart = view.start - view.span;
  const drawEnd = view.start + 2 * view.span;

  const applyOffset = useCallback(
    (start: number) => {
      liveStartRef.current = start;
      const track = trackRef.current;
      if (track) track.style.transform = `translateX(${-(start - drawStart) / msPerPx}px)`;
      // Written straight to the page: panning must not re-render the axis.
      if (rangeRef.current) {
        rangeRef.current.textContent = `${formatInstant(start, view.span)} – ${formatInstant(start + view.span, view.span)}`;
      }
    },
    [drawStart, msPerPx, view.span],
  );

  useLayoutEffect(() => {
    drawnRef.current = view;
    applyOffset(view.start);
  }, [view, applyOffset]);

  // Keep the selected event in view when it is chosen elsewhere (the list, the keyboard).
  useEffect(() => {
    if (selectedIndex < 0 || events.indexOf(selectedIndex) < 0) return;
    const start = columns.sortStart[selectedIndex] as number;
    const current = drawnRef.current;
    const end = Math.max(columns.sortEnd[selectedIndex] as number, start + 1);
    if (start >= current.start && end <= current.start + current.span) return;
    const span = end - start > current.span ? (end - start) * 1.5 : current.span;
    setView(clampView((start + end) / 2 - span / 2, span));
  }, [selectedIndex, events, columns]);

  const panTo = (start: number) => {
    const clamped = clampView(start, view.span).start;
    // Re-draw only when the pan has used up most of the spare track on one side.
    if (Math.abs(clamped - drawnRef.current.start) > view.span * 0.75) {
      setView({ start: clamped, span: view.span });
    } else {
      applyOffset(clamped);
    }
  };

  const zoom = (factor: number, atPx?: number) => {
    const start = liveStartRef.current;
    const at = start + (atPx ?? width / 2) * msPerPx;
    setView(zoomView({ start, span: view.span }, factor, at));
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || (event.target as HTMLElement).closest('button')) return;
    dragRef.current = { x: event.clientX, start: liveStartRef.current, moved: false };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const drag = dragRef.current;
    if (!drag) return;
    const dx = event.clientX - drag.x;
    if (Math.abs(dx) > 2) drag.moved = true;
    panTo(drag.start - dx * msPerPx);
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!dragRef.current) return;
    dragRef.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
    // Settle: lay the track out for where the pan ended.
    if (liveStartRef.current !== drawnRef.current.start)
      setView({ start: liveStartRef.current, span: view.span });
  };

  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const rect = element.getBoundingClientRect();
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        zoom(Math.exp(event.deltaY * 0.002), event.clientX - rect.left);
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        panTo(liveStartRef.current + delta * msPerPx);
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });

  const ticks = useMemo(
    () => axisTicks(drawStart, drawEnd, msPerPx),
    [drawStart, drawEnd, msPerPx],
  );
  const x = (at: number) => (at - drawStart) / msPerPx;

  return (
    <section className="time-axis" aria-label="Time axis">
      <div className="time-axis__toolbar">
        <h2 className="visually-hidden">Time axis</h2>
        <span className="time-axis__range small" ref={rangeRef} aria-label="Visible range" />
        <span className="spacer" />
        <label className="small row">
          Lanes
          <select
            className="select select--small"
            value={laneMode}
            onChange={(e) => onLanes(e.target.value as LaneMode)}
          >
            <option value="none">One lane</option>
            <option value="entity">By entity</option>
            <option value="tag">By tag</option>
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={() => zoom(0.5)}
          aria-label="Zoom in"
          title="Zoom in (Ctrl+wheel)"
        >
          <ZoomIn aria-hidden="true" />
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => zoom(2)}
          aria-label="Zoom out"
          title="Zoom out (Ctrl+wheel)"
        >
          <ZoomOut aria-hidden="true" />
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => setView(fitted)}
          aria-label="Show all"
          title="Show every event"
        >
          <Maximize2 aria-hidden="true" />
        </button>
      </div>
      <div
        className="time-axis__viewport"
        ref={viewportRef}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <div className="time-axis__track" ref={trackRef}>
          <div className="time-axis__ticks" aria-hidden="true">
            {ticks.map((tick) => (
              <Positioned
                key={tick.at}
                className={
                  tick.major ? 'time-axis__tick time-axis__tick--major' : 'time-axis__tick'
                }
                left={x(tick.at)}
              >
                {tick.label}
              </Positioned>
            ))}
          </div>
          {(drawing ? lanes : []).map((lane) => (
            <AxisLane
              key={lane.key}
              columns={columns}
              lane={lane}
              drawStart={drawStart}
              drawEnd={drawEnd}
              msPerPx={msPerPx}
              selectedIndex={selectedIndex}
              tagColor={tagColor}
              onSelect={onSelect}
              onOpen={onOpen}
              onZoomTo={(from, to) => setView(clampView(from, Math.max(to - from, 1)))}
            />
          ))}
        </div>
        <ul className="list-reset time-axis__labels" aria-label="Lane names">
          {lanes.map((lane) => (
            <li key={lane.key} className="time-axis__label" title={lane.label}>
              {lane.label}{' '}
              <span className="faint">{lane.items.length.toLocaleString('en-GB')}</span>
            </li>
          ))}
        </ul>
        {events.length === 0 ? (
          <p className="time-axis__empty faint small">No events to draw.</p>
        ) : null}
      </div>
      {hidden > 0 ? (
        <p className="faint small time-axis__note">
          {hidden} more lane{hidden === 1 ? '' : 's'} not drawn: filter by an entity or tag to see
          them.
        </p>
      ) : null}
    </section>
  );
}

/** An element placed at a pixel offset through the CSSOM (the CSP forbids style attributes). */
function Positioned({
  left,
  width,
  top,
  className,
  children,
}: {
  left: number;
  width?: number;
  top?: number;
  className: string;
  children?: ReactNode;
}) {
  return (
    <div
      className={className}
      ref={(el) => {
        if (!el) return;
        el.style.left = `${left}px`;
        if (width !== undefined) el.style.width = `${width}px`;
        if (top !== undefined) el.style.top = `${top}px`;
      }}
    >
      {children}
    </div>
  );
}

interface AxisLaneProps {
  columns: TimelineColumns;
  lane: Lane;
  drawStart: number;
  drawEnd: number;
  msPerPx: number;
  selectedIndex: number;
  tagColor: (tag: string) => TagColor;
  onSelect: (eventId: string) => void;
  onOpen: (eventId: string) => void;
  onZoomTo: (from: number, to: number) => void;
}

const AxisLane = memo(function AxisLane({
  columns,
  lane,
  drawStart,
  drawEnd,
  msPerPx,
  selectedIndex,
  tagColor,
  onSelect,
  onOpen,
  onZoomTo,
}: AxisLaneProps) {
  const from = lowerBound(columns, lane.items, drawStart - lane.longest);
  const to = lowerBound(columns, lane.items, drawEnd);
  const x = (at: number) => (at - drawStart) / msPerPx;
  // How many events start in each slice of the drawn window (one pass, no object per event).
  const bins = new Uint32Array(Math.max(1, Math.ceil(x(drawEnd) / BIN_PX) + 1));
  let count = 0;
  for (let k = from; k < to; k += 1) {
    const i = lane.items[k] as number;
    const start = columns.sortStart[i] as number;
    if (Math.max(columns.sortEnd[i] as number, start + 1) < drawStart) continue;
    count += 1;
    const bin = Math.min(bins.length - 1, Math.floor(x(Math.max(start, drawStart)) / BIN_PX));
    bins[bin] = (bins[bin] as number) + 1;
  }

  if (count > MAX_MARKS_PER_LANE) {
    // Too many to draw one by one: how many events start in each slice of the lane.
    let peak = 0;
    for (const n of bins) if (n > peak) peak = n;
    const drawn: [number, number][] = [];
    bins.forEach((n, bin) => {
      if (n > 0) drawn.push([bin, n]);
    });
    return (
      <div className="axis-lane axis-lane--dense">
        {drawn.map(([bin, count]) => {
          const start = drawStart + bin * BIN_PX * msPerPx;
          const end = start + BIN_PX * msPerPx;
          return (
            <button
              key={bin}
              type="button"
              className="axis-bin"
              data-level={Math.min(4, Math.ceil((count / peak) * 4))}
              aria-label={`${NUMBER.format(count)} events in ${lane.label} from ${formatInstant(start, 0)}: zoom in`}
              title={`${count} events — click to zoom in`}
              ref={(el) => {
                if (!el) return;
                el.style.left = `${bin * BIN_PX}px`;
                el.style.width = `${BIN_PX - 2}px`;
              }}
              onClick={() => onZoomTo(start, end)}
            />
          );
        })}
      </div>
    );
  }

  const visible: number[] = [];
  for (let k = from; k < to; k += 1) {
    const i = lane.items[k] as number;
    if (Math.max(columns.sortEnd[i] as number, (columns.sortStart[i] as number) + 1) >= drawStart)
      visible.push(i);
  }

  // Rows so that marks and their labels do not sit on each other: each goes in the first of the
  // three rows where the one before it has ended, else in the row that ends soonest, and a label
  // that would then run into the next mark of its row is cut short (the whole title stays in the
  // tooltip and the accessible name).
  const rowEnds = [-Infinity, -Infinity, -Infinity];
  const lastInRow: (Placed | undefined)[] = [undefined, undefined, undefined];
  const placed: Placed[] = [];
  for (const i of visible) {
    const start = columns.sortStart[i] as number;
    const flags = columns.flags[i] as number;
    const bound = flags & FLAG_BEFORE ? 'before' : flags & FLAG_AFTER ? 'after' : undefined;
    const title = stringAt(columns.titles, i);
    const left = x(start);
    const right = x(Math.max(columns.sortEnd[i] as number, start));
    const barWidth = Math.max(right - left, 0);
    const isBar = barWidth >= 8 && !bound;
    const labelStart = left + Math.max(isBar ? barWidth : 0, 10) + LABEL_GAP;
    const labelEnd = labelStart + Math.min(LABEL_MAX, title.length * 6.5 + 12);
    let row = rowEnds.findIndex((end) => end <= left);
    if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds));
    const previous = lastInRow[row];
    if (previous) previous.room = Math.min(previous.room, left - previous.labelStart - LABEL_GAP);
    const item: Placed = {
      i,
      flags,
      bound,
      title,
      left,
      barWidth,
      isBar,
      row,
      labelStart,
      room: LABEL_MAX,
    };
    placed.push(item);
    lastInRow[row] = item;
    rowEnds[row] = labelEnd;
  }
  return (
    <div className="axis-lane">
      {placed.map(({ i, flags, bound, title, left, barWidth, isBar, row, room }) => {
        const id = stringAt(columns.ids, i);
        const firstTag = columns.tagStart[i] as number;
        const tag =
          firstTag < (columns.tagStart[i + 1] as number)
            ? columns.tagNames[columns.tagList[firstTag] as number]
            : undefined;
        const label = `${title}, ${stringAt(columns.dates, i)}`;
        const selected = i === selectedIndex;
        return (
          <button
            key={id}
            type="button"
            className={`axis-item${isBar ? ' axis-item--bar' : ''}${flags & FLAG_UNCERTAIN ? ' axis-item--uncertain' : ''}${selected ? ' axis-item--selected' : ''}`}
            data-bound={bound}
            data-color={tag ? tagColor(tag) : undefined}
            aria-label={label}
            aria-pressed={selected}
            title={label}
            ref={(el) => {
              if (!el) return;
              el.style.left = `${left}px`;
              el.style.top = `${row * ROW_HEIGHT}px`;
              el.style.setProperty('--bar', `${isBar ? barWidth : 0}px`);
            }}
            onClick={() => onSelect(id)}
            onDoubleClick={() => onOpen(id)}
          >
            <span className="axis-item__mark" aria-hidden="true" />
            {room >= LABEL_MIN || selected ? (
              <span
                className="axis-item__label"
                style={selected ? undefined : { maxWidth: `${Math.floor(room)}px` }}
              >
                {title}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
});

export { LANE_HEIGHT };
