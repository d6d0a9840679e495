// A titled card of the tabs: a section named by its heading, with an optional control or note beside the heading.
import type { ReactNode } from 'react';
import { useTabStyles } from './styles';

export function Card({
  headingId,
  heading,
  aside,
  testId,
  children,
}: {
  headingId: string;
  heading: string;
  aside?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const styles = useTabStyles();
  const title = (
    <h2 id={headingId} className={styles.subheading}>
      {heading}
    </h2>
  );
  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid={testId}>
      {aside ? (
        <div className={styles.spread}>
          {title}
          {aside}
        </div>
      ) : (
        title
      )}
      {children}
    </section>
  );
}
