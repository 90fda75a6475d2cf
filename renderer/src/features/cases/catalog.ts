import { CatalogRepository } from '../../db';

let catalog: CatalogRepository | undefined;

/** The one catalog of cases for this app (created on first use). */
export function getCatalog(): CatalogRepository {
  catalog ??= new CatalogRepository();
  return catalog;
}
