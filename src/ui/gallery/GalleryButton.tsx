/** The top bar's way into the gallery: a button and the dialog it opens. */
import { GalleryDialog } from './GalleryDialog';
import { openGallery } from './galleryState';

export function GalleryButton() {
  return (
    <>
      <button className="button" onClick={openGallery} aria-haspopup="dialog">
        Gallery
      </button>
      <GalleryDialog />
    </>
  );
}
