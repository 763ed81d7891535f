/**
 * The top bar's way into the gallery: a button and the dialog it opens. The dialog (with every
 * example's summary) loads when the gallery is first opened, and stays mounted after.
 */
import { lazy, Suspense, useState } from 'react';
import { openGallery, useGallery } from './galleryState';

const GalleryDialog = lazy(() =>
  import('./GalleryDialog').then((m) => ({ default: m.GalleryDialog })),
);

export function GalleryButton() {
  const open = useGallery((s) => s.open);
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  return (
    <>
      <button className="button" onClick={openGallery} aria-haspopup="dialog">
        Gallery
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <GalleryDialog />
        </Suspense>
      )}
    </>
  );
}
