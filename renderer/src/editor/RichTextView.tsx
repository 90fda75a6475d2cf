import { Fragment, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { Notice } from '../ui';
import type { PmNode } from './prosemirrorJson';
import { readRichText } from './validate';
import { safeHref } from './pasteCleaning';
import { LinkConfirmDialog } from './LinkConfirmDialog';

export interface RichTextViewProps {
  value: unknown;
  /** The address of an entity's page. */
  entityHref: (entityId: string) => string;
  /** The address of a citation's quote in its source. */
  citationHref: (citationId: string, sourceId: string) => string;
  /** The current name of an entity, when it still exists (mentions keep the name they were made with). */
  entityName?: (entityId: string) => string | undefined;
  className?: string;
}

type Mark = NonNullable<PmNode['marks']>[number];

/**
 * A stored description or note shown read-only, built as React elements from the validated
 * ProseMirror JSON (no HTML strings): mentions and citation marks are in-app links, web links ask
 * before anything happens. A document that does not fit the schema is shown as its raw text under a
 * message saying so.
 */
export function RichTextView({
  value,
  entityHref,
  citationHref,
  entityName,
  className,
}: RichTextViewProps) {
  const [following, setFollowing] = useState<string>();
  const read = readRichText(value);
  if (!read.ok) {
    return (
      <div className={className}>
        <Notice tone="warning" live={false}>
          {read.error} It is shown as plain text; edit and save to repair it.
        </Notice>
        <pre className="rich-text__raw">{read.raw}</pre>
      </div>
    );
  }
  if (!read.doc) return null;
  const context: RenderContext = { entityHref, citationHref, entityName, follow: setFollowing };

  return (
    <div className={className ? `rich-text-view ${className}` : 'rich-text-view'}>
      {renderNode(read.doc as PmNode, 'd', context)}
      {following ? (
        <LinkConfirmDialog href={following} onClose={() => setFollowing(undefined)} />
      ) : null}
    </div>
  );
}

interface RenderContext {
  entityHref: (entityId: string) => string;
  citationHref: (citationId: string, sourceId: string) => string;
  entityName?: ((entityId: string) => string | undefined) | undefined;
  follow: (href: string) => void;
}

function wrapMark(mark: Mark, child: ReactNode, key: string, context: RenderContext): ReactNode {
  const attrs = mark.attrs ?? {};
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{child}</strong>;
    case 'italic':
      return <em key={key}>{child}</em>;
    case 'underline':
      return <u key={key}>{child}</u>;
    case 'strike':
      return <s key={key}>{child}</s>;
    case 'code':
      return <code key={key}>{child}</code>;
    case 'link': {
      const href = safeHref(String(attrs.href ?? ''));
      if (!href) return <Fragment key={key}>{child}</Fragment>;
      return (
        <a
          key={key}
          href={href}
          className="rich-link"
          rel="noopener noreferrer nofollow"
          onClick={(event) => {
            event.preventDefault();
            context.follow(href);
          }}
        >
          {child}
        </a>
      );
    }
    case 'citation': {
      const citationId = String(attrs.citationId ?? '');
      const sourceId = String(attrs.sourceId ?? '');
      if (!citationId || !sourceId) return <Fragment key={key}>{child}</Fragment>;
      return (
        <Link
          key={key}
          className="citation-mark"
          href={context.citationHref(citationId, sourceId)}
          title="Open the quoted passage in its source"
        >
          {child}
        </Link>
      );
    }
    default:
      return <Fragment key={key}>{child}</Fragment>;
  }
}

function renderNode(node: PmNode, key: string, context: RenderContext): ReactNode {
  const children = (node.content ?? []).map((child, index) =>
    renderNode(child, `${key}.${index}`, context),
  );
  switch (node.type) {
    case 'doc':
      return <Fragment key={key}>{children}</Fragment>;
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'heading':
      return node.attrs?.level === 3 ? (
        <h5 key={key}>{children}</h5>
      ) : (
        <h4 key={key}>{children}</h4>
      );
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={Number(node.attrs?.start ?? 1)}>
          {children}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'hardBreak':
      return <br key={key} />;
    case 'entityMention': {
      const id = String(node.attrs?.id ?? '');
      const name = context.entityName?.(id) ?? String(node.attrs?.label ?? id);
      return (
        <Link key={key} className="entity-mention" href={context.entityHref(id)}>
          @{name}
        </Link>
      );
    }
    case 'text': {
      let out: ReactNode = node.text ?? '';
      (node.marks ?? []).forEach((mark, index) => {
        out = wrapMark(mark, out, `${key}m${index}`, context);
      });
      return <Fragment key={key}>{out}</Fragment>;
    }
    default:
      return <Fragment key={key}>{children}</Fragment>;
  }
}
