import { useEffect, useState } from 'react';
import { useTillServices } from '../../app/services-context';
import { searchProducts, type ProductMatch } from './search-products';

/** The sell screen's product search, starting from what was typed in the scan field: matches for the typed text (the latest text wins), and the one chosen with the arrow keys. */
export function useProductSearch(open: boolean, initialText: string) {
  const { db } = useTillServices();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<ProductMatch[]>([]);
  const [chosen, setChosen] = useState(0);
  useEffect(() => {
    setText(open ? initialText : '');
  }, [open, initialText]);
  useEffect(() => {
    let current = true;
    void searchProducts(db, text).then((found) => {
      if (!current) return;
      setMatches(found);
      setChosen(0);
    });
    return () => {
      current = false;
    };
  }, [db, text]);
  return {
    text,
    setText,
    matches,
    chosen,
    move: (by: number) => setChosen((at) => Math.min(Math.max(at + by, 0), Math.max(matches.length - 1, 0))),
  };
}
