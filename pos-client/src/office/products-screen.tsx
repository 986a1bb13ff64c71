import type { OfficeScreenProps } from './office-sections';
import { ProductEditor } from './product-editor';
import { ProductList } from './product-list';

/** `#/office/products` lists; `…/new` and `…/edit/<id>` edit one product. */
export function ProductsScreen({ rest }: OfficeScreenProps) {
  if (rest[0] === 'new') return <ProductEditor id={null} />;
  if (rest[0] === 'edit' && rest[1]) return <ProductEditor key={rest[1]} id={rest[1]} />;
  return <ProductList />;
}
