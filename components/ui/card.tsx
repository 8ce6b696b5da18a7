import type { ReactNode } from 'react';

type CardProps = {
  children: ReactNode;
  /** The element to render: `li` inside a list of cards, `section` or `article` for content. */
  as?: 'div' | 'li' | 'section' | 'article';
  className?: string;
};

export function Card({ children, as: Element = 'div', className = '' }: CardProps) {
  return (
    <Element
      className={`rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`.trim()}
    >
      {children}
    </Element>
  );
}
